package dev.weft.models.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.models.history.History;
import dev.weft.models.model.MapContract;
import dev.weft.models.model.MapModel;
import dev.weft.models.model.Model;
import dev.weft.models.model.Outcome;
import dev.weft.models.history.Operation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Concurrent histories with a known answer: the classic anomalies and their explanations. */
class CheckerTest {

  private static final MapModel MAP = MapModel.of(MapContract.MAP);
  private static final MapModel CONCURRENT = MapModel.of(MapContract.CONCURRENT_MAP);

  private static CheckResult check(History history, MapModel model) {
    return Checker.withDefaults().check(history, model);
  }

  @Test
  void merge_twoConcurrentIncrementsBothSeeOne_isLostUpdate() {
    History history =
        History.builder()
            .invoke(0, "merge", 1, 1, "sum")
            .invoke(1, "merge", 1, 1, "sum")
            .ok(0, 1)
            .ok(1, 1)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "key 1: no order of its 2 operations explains every result\n"
                + "linearizable prefix (1 of 2 operations):\n"
                + "  thread 0: merge(1, 1, \"sum\") -> 1\n"
                + "cannot place next: thread 1: merge(1, 1, \"sum\") -> 1 (events 2-4)\n"
                + "the model returns 2 there");
  }

  @Test
  void get_afterCompletedPut_missesTheWrite() {
    History history =
        History.builder().invoke(0, "put", 1, 10).ok(0, null).invoke(1, "get", 1).ok(1, null).build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "key 1: no order of its 2 operations explains every result\n"
                + "linearizable prefix (1 of 2 operations):\n"
                + "  thread 0: put(1, 10) -> null\n"
                + "cannot place next: thread 1: get(1) -> null (events 3-4)\n"
                + "the model returns 10 there");
  }

  @Test
  void get_concurrentWithPut_mayReturnOldOrNewValue() {
    for (Object seen : new Object[] {null, 10}) {
      History history =
          History.builder()
              .invoke(0, "put", 1, 10)
              .invoke(1, "get", 1)
              .ok(1, seen)
              .ok(0, null)
              .build();

      assertThat(check(history, CONCURRENT).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }
  }

  @Test
  void putIfAbsent_twoConcurrentBothWin_isNotLinearizable() {
    History history =
        History.builder()
            .invoke(0, "putIfAbsent", "k", 1)
            .invoke(1, "putIfAbsent", "k", 2)
            .ok(1, null)
            .ok(0, null)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "key \"k\": no order of its 2 operations explains every result\n"
                + "linearizable prefix (1 of 2 operations):\n"
                + "  thread 0: putIfAbsent(\"k\", 1) -> null\n"
                + "cannot place next: thread 1: putIfAbsent(\"k\", 2) -> null (events 2-3)\n"
                + "the model returns 1 there");
  }

  @Test
  void putIfAbsent_oneWinsOneSeesWinner_isLinearizable() {
    History history =
        History.builder()
            .invoke(0, "putIfAbsent", "k", 1)
            .invoke(1, "putIfAbsent", "k", 2)
            .ok(1, null)
            .ok(0, 2)
            .build();

    assertThat(check(history, CONCURRENT).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void size_afterCompletedPutReturnsZero_noOrderExplainsIt() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 1)
            .invoke(1, "put", 2, 2)
            .ok(1, null)
            .invoke(2, "size")
            .ok(2, 0)
            .ok(0, null)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "whole history: no order of its 3 operations explains every result\n"
                + "linearizable prefix (2 of 3 operations):\n"
                + "  thread 0: put(1, 1) -> null\n"
                + "  thread 1: put(2, 2) -> null\n"
                + "cannot place next: thread 2: size() -> 0 (events 4-5)\n"
                + "the model returns 2 there");
  }

  @Test
  void size_concurrentWithPuts_mayCountEitherWay() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 1)
            .invoke(1, "put", 2, 2)
            .ok(1, null)
            .invoke(2, "size")
            .ok(2, 1)
            .ok(0, null)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(result.parts()).isEqualTo(1);
  }

  @Test
  void clear_seenHalfDone_isNotLinearizable() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 1)
            .ok(0, null)
            .invoke(0, "put", 2, 2)
            .ok(0, null)
            .invoke(1, "clear")
            .invoke(2, "get", 1)
            .ok(2, null)
            .invoke(2, "get", 2)
            .ok(2, 2)
            .ok(1, null)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "whole history: no order of its 5 operations explains every result\n"
                + "linearizable prefix (4 of 5 operations):\n"
                + "  thread 0: put(1, 1) -> null\n"
                + "  thread 0: put(2, 2) -> null\n"
                + "  thread 1: clear() -> null\n"
                + "  thread 2: get(1) -> null\n"
                + "cannot place next: thread 2: get(2) -> 2 (events 8-9)\n"
                + "the model returns null there");
  }

  @Test
  void pendingPut_seenByLaterGet_tookEffect() {
    History history =
        History.builder().invoke(0, "put", 1, 5).invoke(1, "get", 1).ok(1, 5).build();

    assertThat(check(history, CONCURRENT).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void pendingPut_notSeenByLaterGet_didNotTakeEffect() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 5)
            .info(0)
            .invoke(1, "get", 1)
            .ok(1, null)
            .invoke(1, "get", 1)
            .ok(1, 5)
            .build();

    assertThat(check(history, CONCURRENT).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void pendingPut_seenThenUnseen_cannotTakeEffectTwice() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 5)
            .invoke(1, "get", 1)
            .ok(1, 5)
            .invoke(1, "get", 1)
            .ok(1, null)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.toString())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "key 1: no order of its 3 operations explains every result\n"
                + "linearizable prefix (2 of 3 operations):\n"
                + "  thread 0: put(1, 5) -> null (pending, took effect)\n"
                + "  thread 1: get(1) -> 5\n"
                + "cannot place next: thread 1: get(1) -> null (events 4-5)\n"
                + "the model returns 5 there");
  }

  @Test
  void pendingClear_mayTakeEffectBetweenReads() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 1)
            .ok(0, null)
            .invoke(1, "clear")
            .invoke(0, "get", 1)
            .ok(0, 1)
            .invoke(0, "size")
            .ok(0, 0)
            .build();

    assertThat(check(history, MAP).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void remove_nullKeyInConcurrentMap_mustThrow() {
    History history = History.builder().invoke(0, "remove", (Object) null).ok(0, null).build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.explanation().allowed().get(0).exceptionType())
        .isEqualTo("java.lang.NullPointerException");
    assertThat(result.toString()).endsWith("the model throws NullPointerException there");
  }

  @Test
  void history_withoutWholeMapOperations_isSplitByKey() {
    History history =
        History.builder()
            .invoke(0, "put", 1, 1)
            .invoke(1, "put", 2, 2)
            .ok(0, null)
            .ok(1, null)
            .invoke(0, "get", 2)
            .ok(0, 2)
            .build();

    CheckResult result = check(history, CONCURRENT);

    assertThat(result.verdict()).isEqualTo(Verdict.LINEARIZABLE);
    assertThat(result.parts()).isEqualTo(2);
  }

  @Test
  void emptyHistory_isLinearizable() {
    assertThat(check(History.builder().build(), MAP).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void longPrefix_isAbbreviated() {
    History.Builder builder = History.builder();
    for (int i = 0; i < 20; i++) {
      builder.invoke(0, "put", 1, i).ok(0, i == 0 ? null : i - 1);
    }
    History history = builder.invoke(0, "size").ok(0, 2).build();

    String text = check(history, MAP).toString();

    assertThat(text).contains("linearizable prefix (20 of 21 operations):\n  ... 12 earlier operations\n");
    assertThat(text.lines().count()).isEqualTo(14);
  }

  @Test
  void budget_tooFewStates_endsUnknown() {
    History.Builder builder = History.builder();
    // eight concurrent reads can be ordered in 2^8 ways before the impossible get
    for (int i = 0; i < 8; i++) {
      builder.invoke(i, "containsKey", 1);
    }
    for (int i = 0; i < 8; i++) {
      builder.ok(i, false);
    }
    History history = builder.invoke(0, "get", 1).ok(0, 5).build();

    CheckResult result =
        Checker.withBudget(Budget.defaults().withMaxStates(3)).check(history, CONCURRENT);

    assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(result.reason()).startsWith("key 1: the budget of 3 states ran out after ");
  }

  @Test
  void budget_tinyTimeout_endsUnknownInsteadOfHanging() {
    // 12 concurrent puts whose results no order explains: the search must try every order
    History.Builder builder = History.builder();
    for (int i = 0; i < 12; i++) {
      builder.invoke(i, "put", 1, i);
    }
    for (int i = 0; i < 12; i++) {
      builder.invoke(12 + i, "size").ok(12 + i, 1);
    }
    for (int i = 0; i < 12; i++) {
      builder.ok(i, 100 + i);
    }
    History history = builder.build();

    CheckResult result =
        Checker.withBudget(Budget.defaults().withTimeout(Duration.ofMillis(1)))
            .check(history, CONCURRENT);

    assertThat(result.verdict()).isIn(Verdict.UNKNOWN, Verdict.NOT_LINEARIZABLE);
  }

  /** A user's model: a counter with a weakly specified read. */
  private static final class SloppyCounter implements Model<Long> {
    @Override
    public Long initialState() {
      return 0L;
    }

    @Override
    public List<Outcome<Long>> step(Long count, Operation op) {
      switch (op.name()) {
        case "incrementAndGet":
          return List.of(Outcome.returns(count + 1, count + 1));
        case "approximateGet":
          return List.of(Outcome.returns(count, count), Outcome.returns(count + 1, count));
        default:
          throw new IllegalArgumentException("unknown operation " + op.name());
      }
    }
  }

  @Test
  void userModel_nondeterministicRead_acceptsEveryAllowedResult() {
    History overCount =
        History.builder()
            .invoke(0, "incrementAndGet").ok(0, 1)
            .invoke(0, "approximateGet").ok(0, 2)
            .build();
    History wrong =
        History.builder()
            .invoke(0, "incrementAndGet").ok(0, 1)
            .invoke(0, "approximateGet").ok(0, 3)
            .build();

    assertThat(Checker.withDefaults().check(overCount, new SloppyCounter()).verdict())
        .isEqualTo(Verdict.LINEARIZABLE);
    assertThat(Checker.withDefaults().check(wrong, new SloppyCounter()).toString())
        .endsWith("the model allows 1 or 2 there");
  }
}
