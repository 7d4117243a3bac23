package dev.weft.models.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.check.Verdict;
import dev.weft.models.history.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every built-in model, as one sequential history per contract: the history as
 * the Java class behaves is accepted, and each step with its result altered is rejected at that
 * step.
 */
class MapModelTest {

  /** One call and what the Java class returns for it; {@code thrown} names an exception. */
  private record Step(String op, Object[] args, Object value, String thrown) {}

  private static Step call(String op, Object... args) {
    return new Step(op, args, null, null);
  }

  private static final class Script {
    final List<Step> steps = new ArrayList<>();

    Script returns(Step step, Object value) {
      steps.add(new Step(step.op, step.args, value, null));
      return this;
    }

    Script throwsException(Step step, Class<? extends Throwable> type) {
      steps.add(new Step(step.op, step.args, null, type.getName()));
      return this;
    }
  }

  private static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }

  private static History history(List<Step> steps, int altered) {
    History.Builder builder = History.builder();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      builder.invoke(0, step.op, step.args);
      if (i == altered) {
        // a result no operation here can have
        builder.ok(0, step.thrown == null ? "wrong" : null);
      } else if (step.thrown != null) {
        builder.fail(0, step.thrown);
      } else {
        builder.ok(0, step.value);
      }
    }
    return builder.build();
  }

  private static void assertScript(MapContract contract, Script script) {
    MapModel model = MapModel.of(contract);
    for (Step step : script.steps) {
      model.validate(step.op, Arrays.asList(step.args));
    }
    CheckResult accepted = Checker.withDefaults().check(history(script.steps, -1), model);
    assertThat(accepted.verdict()).as(accepted.toString()).isEqualTo(Verdict.LINEARIZABLE);
    for (int i = 0; i < script.steps.size(); i++) {
      CheckResult rejected = Checker.withDefaults().check(history(script.steps, i), model);
      assertThat(rejected.verdict()).as("step %d", i).isEqualTo(Verdict.NOT_LINEARIZABLE);
      assertThat(rejected.explanation().stuck().index()).as("step %d", i).isEqualTo(i);
      assertThat(rejected.explanation().prefix()).as("step %d", i).hasSize(i);
    }
  }

  @Test
  void map_everyOperation_followsHashMap() {
    Script script =
        new Script()
            .returns(call("put", 1, 10), null)
            .returns(call("put", null, 1), null)
            .returns(call("put", 2, null), null)
            .returns(call("put", 1, 11), 10)
            .returns(call("get", 1), 11)
            .returns(call("get", (Object) null), 1)
            .returns(call("get", 2), null)
            .returns(call("get", 3), null)
            .returns(call("containsKey", 2), true)
            .returns(call("containsKey", 3), false)
            .returns(call("containsValue", (Object) null), true)
            .returns(call("containsValue", 11), true)
            .returns(call("containsValue", 99), false)
            .returns(call("size"), 3)
            .returns(call("isEmpty"), false)
            .returns(call("getOrDefault", 2, 7), null)
            .returns(call("getOrDefault", 3, 7), 7)
            .returns(call("keySet"), list(2, null, 1))
            .returns(call("values"), list(null, 11, 1))
            .returns(call("entrySet"), list(list(1, 11), list(null, 1), list(2, null)))
            .returns(call("putIfAbsent", 2, 20), null)
            .returns(call("get", 2), 20)
            .returns(call("putIfAbsent", 1, 12), 11)
            .returns(call("remove", 1, 12), false)
            .returns(call("remove", 1, 11), true)
            .returns(call("replace", 1, 5), null)
            .returns(call("containsKey", 1), false)
            .returns(call("replace", 2, 21), 20)
            .returns(call("replace", 2, 20, 22), false)
            .returns(call("replace", 2, 21, 22), true)
            .returns(call("computeIfAbsent", 3, "const:30"), 30)
            .returns(call("computeIfAbsent", 3, "const:31"), 30)
            .returns(call("computeIfPresent", 3, "inc"), 31)
            .returns(call("computeIfPresent", 4, "inc"), null)
            .returns(call("compute", 4, "inc"), 1)
            .returns(call("compute", 4, "sum"), 5)
            .returns(call("compute", 4, "null"), null)
            .returns(call("containsKey", 4), false)
            .throwsException(call("compute", 4, "sum"), NullPointerException.class)
            .returns(call("merge", 5, 1, "sum"), 1)
            .returns(call("merge", 5, 2, "sum"), 3)
            .returns(call("merge", 5, 2, "inc"), 4)
            .returns(call("merge", 5, 2, "null"), null)
            .throwsException(call("merge", 5, null, "sum"), NullPointerException.class)
            .throwsException(call("merge", 5, 1, null), NullPointerException.class)
            .throwsException(call("computeIfAbsent", "s", "sum"), ClassCastException.class)
            .returns(call("remove", (Object) null), 1)
            .returns(call("putAll", list(list(7, 70), list(null, 80))), null)
            .returns(call("size"), 4)
            .returns(call("clear"), null)
            .returns(call("isEmpty"), true)
            .returns(call("size"), 0);
    assertScript(MapContract.MAP, script);
  }

  @Test
  void concurrentMap_nulls_throwAsConcurrentHashMapDoes() {
    Script script =
        new Script()
            .throwsException(call("put", null, 1), NullPointerException.class)
            .throwsException(call("put", 1, null), NullPointerException.class)
            .throwsException(call("get", (Object) null), NullPointerException.class)
            .throwsException(call("containsKey", (Object) null), NullPointerException.class)
            .throwsException(call("containsValue", (Object) null), NullPointerException.class)
            .throwsException(call("remove", (Object) null), NullPointerException.class)
            .throwsException(call("getOrDefault", null, 1), NullPointerException.class)
            .returns(call("remove", 1, null), false)
            .returns(call("put", 1, 10), null)
            .returns(call("putIfAbsent", 1, 11), 10)
            .throwsException(call("putIfAbsent", null, 1), NullPointerException.class)
            .throwsException(call("replace", 1, null), NullPointerException.class)
            .throwsException(call("replace", 1, 10, null), NullPointerException.class)
            .throwsException(call("computeIfAbsent", null, "inc"), NullPointerException.class)
            .throwsException(call("computeIfAbsent", 2, null), NullPointerException.class)
            .returns(call("computeIfAbsent", 2, "null"), null)
            .returns(call("containsKey", 2), false)
            .throwsException(call("merge", 1, null, "sum"), NullPointerException.class)
            .returns(call("merge", 1, 5, "sum"), 15)
            .throwsException(
                call("putAll", list(list(3, 30), list(null, 1), list(4, 40))),
                NullPointerException.class)
            .returns(call("containsKey", 3), true)
            .returns(call("containsKey", 4), false)
            .returns(call("entrySet"), list(list(3, 30), list(1, 15)))
            .returns(call("clear"), null)
            .returns(call("size"), 0);
    assertScript(MapContract.CONCURRENT_MAP, script);
  }

  @Test
  void navigableMap_navigation_followsConcurrentSkipListMap() {
    Script script =
        new Script()
            .throwsException(call("firstKey"), java.util.NoSuchElementException.class)
            .throwsException(call("lastKey"), java.util.NoSuchElementException.class)
            .returns(call("pollFirstEntry"), null)
            .returns(call("pollLastEntry"), null)
            .returns(call("put", 5, 50), null)
            .returns(call("put", 1, 10), null)
            .returns(call("put", 9, 90), null)
            .returns(call("firstKey"), 1)
            .returns(call("lastKey"), 9)
            .returns(call("floorKey", 4), 1)
            .returns(call("floorKey", 5), 5)
            .returns(call("floorKey", 0), null)
            .returns(call("ceilingKey", 6), 9)
            .returns(call("ceilingKey", 10), null)
            .returns(call("lowerKey", 5), 1)
            .returns(call("lowerKey", 1), null)
            .returns(call("higherKey", 5), 9)
            .returns(call("higherKey", 9), null)
            .throwsException(call("floorKey", (Object) null), NullPointerException.class)
            .throwsException(call("put", "a", 1), ClassCastException.class)
            .returns(call("pollFirstEntry"), list(1, 10))
            .returns(call("pollLastEntry"), list(9, 90))
            .returns(call("keySet"), list(5))
            .throwsException(call("get", (Object) null), NullPointerException.class);
    assertScript(MapContract.NAVIGABLE_MAP, script);
  }

  @Test
  void validate_navigableOperationInMapModel_namesTheRightModel() {
    assertThatThrownBy(() -> MapModel.named("map").validate("firstKey", List.of()))
        .hasMessage(
            "operation firstKey is not in model map; use --model navigable-map for NavigableMap"
                + " operations");
  }

  @Test
  void validate_wrongArity_namesTheSignatures() {
    assertThatThrownBy(() -> MapModel.named("map").validate("replace", List.of(1L)))
        .hasMessage(
            "replace takes replace(key, value) or replace(key, oldValue, newValue), was given 1"
                + " arguments [1]");
  }

  @Test
  void validate_unknownFunction_isRejected() {
    assertThatThrownBy(() -> MapModel.named("map").validate("merge", List.of(1L, 1L, "max")))
        .hasMessage("the function of merge must name one of sum, inc, const:X or null, was \"max\"");
  }

  @Test
  void named_unknownModel_listsTheKnownOnes() {
    assertThatThrownBy(() -> MapModel.named("hash-map"))
        .hasMessage("unknown model \"hash-map\"; use one of map, concurrent-map, navigable-map");
  }

  private static String explain(MapContract contract, History history) {
    return Checker.withDefaults().check(history, MapModel.of(contract)).toString();
  }

  @Test
  void pollFirstEntry_wrongEntry_explainedAsKeyValuePairs() {
    History history =
        History.builder()
            .invoke(0, "put", 2, 20).ok(0, null)
            .invoke(0, "put", 1, 10).ok(0, null)
            .invoke(0, "pollFirstEntry").ok(0, list(2, 20))
            .build();

    assertThat(explain(MapContract.NAVIGABLE_MAP, history))
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "whole history: no order of its 3 operations explains every result\n"
                + "linearizable prefix (2 of 3 operations):\n"
                + "  thread 0: put(2, 20) -> null\n"
                + "  thread 0: put(1, 10) -> null\n"
                + "cannot place next: thread 0: pollFirstEntry() -> [2, 20] (events 5-6)\n"
                + "the model returns [1, 10] there");
  }

  @Test
  void entrySet_anyOrderAccepted_missingEntryExplained() {
    History reordered =
        History.builder()
            .invoke(0, "put", 2, 20).ok(0, null)
            .invoke(0, "put", "a", null).ok(0, null)
            .invoke(0, "entrySet").ok(0, list(list("a", null), list(2, 20)))
            .build();
    History missing =
        History.builder()
            .invoke(0, "put", 2, 20).ok(0, null)
            .invoke(0, "put", "a", null).ok(0, null)
            .invoke(0, "entrySet").ok(0, list(list(2, 20)))
            .build();

    assertThat(explain(MapContract.MAP, reordered)).isEqualTo("LINEARIZABLE");
    assertThat(explain(MapContract.MAP, missing))
        .endsWith(
            "cannot place next: thread 0: entrySet() -> [[2, 20]] (events 5-6)\n"
                + "the model returns [[2, 20], [\"a\", null]] there");
  }

  @Test
  void firstKey_onEmptyMapReturningKey_explainsTheException() {
    History history = History.builder().invoke(0, "firstKey").ok(0, 1).build();

    assertThat(explain(MapContract.NAVIGABLE_MAP, history))
        .endsWith("the model throws NoSuchElementException there");
  }

  @Test
  void get_nullKeyInHashMap_isAllowed_butNotInConcurrentMap() {
    History history =
        History.builder().invoke(0, "put", null, 1).ok(0, null).invoke(0, "get", (Object) null).ok(0, 1).build();

    assertThat(explain(MapContract.MAP, history)).isEqualTo("LINEARIZABLE");
    assertThat(explain(MapContract.CONCURRENT_MAP, history))
        .contains("cannot place next: thread 0: put(null, 1) -> null (events 1-2)\n"
            + "the model throws NullPointerException there");
  }
}
