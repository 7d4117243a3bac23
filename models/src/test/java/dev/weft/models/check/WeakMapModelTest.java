package dev.weft.models.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.models.history.History;
import dev.weft.models.model.MapContract;
import dev.weft.models.model.MapModel;
import dev.weft.models.model.WeakMapModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The weak map model: the histories a map with non-atomic aggregates really produces are accepted
 * (hand-written ones, and thousands recorded from a simulated map that runs each aggregate in
 * steps), and what no such map can produce is still rejected.
 */
class WeakMapModelTest {

  private static final WeakMapModel WEAK =
      WeakMapModel.of(MapContract.CONCURRENT_MAP, WeakMapModel.WEAKENABLE);
  private static final MapModel STRICT = MapModel.of(MapContract.CONCURRENT_MAP);
  private static final Checker CHECKER = Checker.withDefaults();

  private static CheckResult weak(History history) {
    return CHECKER.check(history, WEAK);
  }

  private static CheckResult strict(History history) {
    return CHECKER.check(history, STRICT);
  }

  private static List<Object> pair(Object key, Object value) {
    return List.of(key, value);
  }

  @Test
  void putAll_seenHalfDone_isAcceptedWeakly_andRejectedStrictly() {
    // the report of the issue: values() sees one entry of a putAll in flight
    History history =
        History.builder()
            .invoke(1, "putAll", List.of(pair(0, 1), pair(1, 3)))
            .invoke(2, "values")
            .ok(2, List.of(1))
            .ok(1, null)
            .build();
    assertThat(strict(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(weak(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void putAll_entriesSeenInEitherOrder_areAccepted() {
    History history =
        History.builder()
            .invoke(1, "putAll", List.of(pair(0, 1), pair(1, 3)))
            .invoke(2, "get", 1)
            .ok(2, 3)
            .invoke(2, "get", 0)
            .ok(2, null)
            .ok(1, null)
            .build();
    assertThat(weak(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void putAll_thatLosesAnEntry_isRejected() {
    History history =
        History.builder()
            .invoke(1, "putAll", List.of(pair(0, 1), pair(1, 3)))
            .ok(1, null)
            .invoke(2, "get", 1)
            .ok(2, null)
            .build();
    CheckResult result = weak(history);
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.explanation().toString())
        .startsWith("key 1: no order of its 2 operations explains every result")
        .contains("thread 1: putAll([[0, 1], [1, 3]]) -> null, its put(1, 3)")
        .endsWith("the model returns 3 there");
  }

  @Test
  void clear_seenHalfDone_isAccepted_butAKeyItMissedForGood_isRejected() {
    History.Builder builder =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(0, "put", 1, 1)
            .ok(0, null)
            .invoke(1, "clear")
            .invoke(2, "get", 0)
            .ok(2, null)
            .invoke(2, "get", 1)
            .ok(2, 1)
            .ok(1, null);
    assertThat(strict(builder.build()).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(weak(builder.build()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    History missed = builder.invoke(2, "get", 1).ok(2, 1).build();
    assertThat(weak(missed).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void size_missingAnInsertionInFlight_isAccepted_evenAfterAReadSawIt() {
    // a put has linked its entry (a get sees it) but not yet counted it
    History history =
        History.builder()
            .invoke(1, "put", 1, 1)
            .invoke(2, "get", 1)
            .ok(2, 1)
            .invoke(2, "size")
            .ok(2, 0)
            .ok(1, null)
            .build();
    assertThat(strict(history).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(weak(history).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void size_belowTheCompletedPuts_isRejected_withTheBound() {
    History history =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(0, "put", 1, 2)
            .ok(0, null)
            .invoke(1, "put", 1, 3)
            .invoke(2, "size")
            .ok(2, 1)
            .ok(1, 2)
            .build();
    CheckResult result = weak(history);
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.explanation().toString())
        .startsWith("size() (events 6-7) against the calls before and during it:")
        .contains(
            "cannot place next: thread 2: size() -> 1, counted against the calls before and during"
                + " it (exactly 2 entries)")
        .endsWith("the model returns 2 there");
  }

  @Test
  void size_aboveWhatCouldHaveBeenAdded_andIsEmptyOfAFullMap_areRejected() {
    History tooMany =
        History.builder().invoke(1, "put", 0, 1).invoke(2, "size").ok(2, 2).ok(1, null).build();
    assertThat(weak(tooMany).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    History empty =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "put", 0, 2)
            .invoke(2, "isEmpty")
            .ok(2, true)
            .ok(1, 1)
            .build();
    assertThat(weak(empty).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    History removing =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "remove", 0)
            .invoke(2, "isEmpty")
            .ok(2, true)
            .ok(1, 1)
            .build();
    assertThat(weak(removing).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void values_withTheWrongCount_orAValueNoKeyHeld_isRejected() {
    History.Builder twoKeys =
        History.builder().invoke(0, "put", 0, 1).ok(0, null).invoke(0, "put", 1, 1).ok(0, null);
    assertThat(weak(twoKeys.build()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    History oneLost = twoKeys.invoke(1, "values").ok(1, List.of(1)).build();
    assertThat(weak(oneLost).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    History invented =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "put", 0, 2)
            .invoke(2, "values")
            .ok(2, List.of(3))
            .ok(1, 1)
            .build();
    assertThat(weak(invented).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    History either =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "put", 0, 2)
            .invoke(2, "values")
            .ok(2, List.of(2))
            .ok(1, 1)
            .build();
    assertThat(weak(either).verdict()).isEqualTo(Verdict.LINEARIZABLE);
  }

  @Test
  void views_reportingAKeyTwice_orAKeyNeverPut_areRejected() {
    History twice =
        History.builder().invoke(0, "put", 0, 1).ok(0, null).invoke(1, "keySet").ok(1, List.of(0, 0)).build();
    assertThat(weak(twice).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    History never =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "entrySet")
            .ok(1, List.of(pair(0, 1), pair(2, 1)))
            .build();
    assertThat(weak(never).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void containsValue_falseWhileHeldThroughout_orTrueForAValueNeverPut_isRejected() {
    History.Builder held = History.builder().invoke(0, "put", 0, 1).ok(0, null);
    assertThat(weak(held.invoke(1, "containsValue", 1).ok(1, false).build()).verdict())
        .isEqualTo(Verdict.NOT_LINEARIZABLE);
    History never =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(1, "containsValue", 2)
            .ok(1, true)
            .build();
    assertThat(weak(never).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void perKeyOperations_areStillChecked_andKeyByKey() {
    History lostUpdate =
        History.builder()
            .invoke(1, "merge", 1, 1, "sum")
            .invoke(2, "merge", 1, 1, "sum")
            .ok(1, 1)
            .ok(2, 1)
            .invoke(1, "clear")
            .ok(1, null)
            .build();
    CheckResult result = weak(lostUpdate);
    assertThat(result.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(result.explanation().part()).isEqualTo("key 1");
  }

  @Test
  void pollFirstEntry_removingAnEntryNoLongerFirst_isAccepted_butOneNeverFirst_isRejected() {
    // found 2 first, then 0 was put before it, then 2 was removed
    History.Builder builder =
        History.builder()
            .invoke(0, "put", 2, 1)
            .ok(0, null)
            .invoke(2, "pollFirstEntry")
            .invoke(1, "put", 0, 1)
            .ok(1, null)
            .invoke(1, "entrySet")
            .ok(1, List.of(pair(0, 1), pair(2, 1)))
            .ok(2, List.of(2, 1));
    assertThat(strict(builder.build()).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
    assertThat(weak(builder.build()).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    History neverFirst =
        History.builder()
            .invoke(0, "put", 0, 1)
            .ok(0, null)
            .invoke(0, "put", 2, 1)
            .ok(0, null)
            .invoke(2, "pollFirstEntry")
            .ok(2, List.of(2, 1))
            .build();
    assertThat(weak(neverFirst).verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
  }

  @Test
  void unknownWeakOperation_isRefusedWithTheChoices() {
    assertThatThrownBy(() -> WeakMapModel.of(MapContract.CONCURRENT_MAP, Set.of("put")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "operation put cannot be checked weakly, was given among [put]; use some of [putAll,"
                + " clear, keySet, values, entrySet, containsValue, size, isEmpty, pollFirstEntry,"
                + " pollLastEntry]");
  }

  @Test
  void everyHistoryTheStrictModelAccepts_theWeakOneAccepts() {
    int accepted = 0;
    for (int i = 0; i < 5_000; i++) {
      long seed = 0xEA4L + i;
      MapContract contract = i % 2 == 0 ? MapContract.CONCURRENT_MAP : MapContract.NAVIGABLE_MAP;
      History history = DifferentialTest.randomHistory(new Random(seed), contract);
      if (CHECKER.check(history, MapModel.of(contract)).verdict() == Verdict.LINEARIZABLE) {
        accepted++;
        CheckResult weak =
            CHECKER.check(history, WeakMapModel.of(contract, WeakMapModel.WEAKENABLE));
        assertThat(weak.verdict()).as("seed %d:%n%s%s", seed, history, weak).isEqualTo(Verdict.LINEARIZABLE);
      }
    }
    assertThat(accepted).isGreaterThan(1_000);
  }

  @Test
  void everyHistoryOfAMapWithSteppedAggregates_isAccepted_andManyAreNotLinearizable() {
    int notLinearizable = 0;
    int count = 5_000;
    for (int i = 0; i < count; i++) {
      long seed = 0x57E9L + i;
      History history = new SteppedMap(new Random(seed)).run();
      CheckResult weak = weak(history);
      assertThat(weak.verdict()).as("seed %d:%n%s%s", seed, history, weak).isEqualTo(Verdict.LINEARIZABLE);
      if (strict(history).verdict() == Verdict.NOT_LINEARIZABLE) {
        notLinearizable++;
      }
    }
    assertThat(notLinearizable).isGreaterThan(count / 20);
  }

  /**
   * A map that runs like {@code ConcurrentHashMap}: each key's update is atomic, but
   * {@code putAll} and {@code clear} change one key at a time, traversals read one key at a time in
   * any order, and the entry count is kept apart in two cells that each update adds to after it
   * changed the map and that {@code size} reads one after the other. Threads run one step at a time
   * in a random order; each call's invocation and response are steps too.
   */
  private static final class SteppedMap {
    private static final List<Long> KEYS = List.of(0L, 1L, 2L);
    private final Random random;
    private final Map<Long, Long> map = new TreeMap<>();
    private final long[] cells = new long[2];
    private final History.Builder history = History.builder();

    SteppedMap(Random random) {
      this.random = random;
    }

    private long key() {
      return KEYS.get(random.nextInt(KEYS.size()));
    }

    private long value() {
      return 1 + random.nextInt(3);
    }

    private List<Long> shuffledKeys() {
      List<Long> keys = new ArrayList<>(KEYS);
      Collections.shuffle(keys, random);
      return keys;
    }

    /** One call as its steps: each returns null to go on, or the call's result wrapped in a list. */
    private List<Runnable> call(int thread, Object[] result) {
      List<Runnable> steps = new ArrayList<>();
      int cell = thread % 2;
      long k = key();
      long v = value();
      switch (random.nextInt(15)) {
        case 0:
          steps.add(() -> history.invoke(thread, "put", k, v));
          steps.add(() -> result[0] = map.put(k, v));
          steps.add(() -> cells[cell] += result[0] == null ? 1 : 0);
          steps.add(() -> history.ok(thread, result[0]));
          break;
        case 1:
          steps.add(() -> history.invoke(thread, "remove", k));
          steps.add(() -> result[0] = map.remove(k));
          steps.add(() -> cells[cell] -= result[0] == null ? 0 : 1);
          steps.add(() -> history.ok(thread, result[0]));
          break;
        case 2:
          steps.add(() -> history.invoke(thread, "get", k));
          steps.add(() -> result[0] = map.get(k));
          steps.add(() -> history.ok(thread, result[0]));
          break;
        case 3:
          steps.add(() -> history.invoke(thread, "putIfAbsent", k, v));
          steps.add(() -> result[0] = map.putIfAbsent(k, v));
          steps.add(() -> cells[cell] += result[0] == null ? 1 : 0);
          steps.add(() -> history.ok(thread, result[0]));
          break;
        case 4:
          {
            long k2 = (k + 1 + random.nextInt(2)) % 3;
            long v2 = value();
            steps.add(() -> history.invoke(thread, "putAll", List.of(List.of(k, v), List.of(k2, v2))));
            steps.add(() -> cells[cell] += map.put(k, v) == null ? 1 : 0);
            steps.add(() -> cells[cell] += map.put(k2, v2) == null ? 1 : 0);
            steps.add(() -> history.ok(thread, null));
            break;
          }
        case 5:
          {
            long[] removed = new long[1];
            steps.add(() -> history.invoke(thread, "clear"));
            if (random.nextBoolean()) {
              for (long key : shuffledKeys()) {
                steps.add(() -> removed[0] += map.remove(key) == null ? 0 : 1);
              }
            } else {
              // as ConcurrentSkipListMap: take the first entry until there is none, so that a key
              // put again meanwhile is removed again (30 rounds are more than enough for "until none")
              for (int round = 0; round < 30; round++) {
                steps.add(
                    () -> {
                      if (!map.isEmpty()) {
                        map.remove(((TreeMap<Long, Long>) map).firstKey());
                        removed[0]++;
                      }
                    });
              }
            }
            steps.add(() -> cells[cell] -= removed[0]);
            steps.add(() -> history.ok(thread, null));
            break;
          }
        case 6:
        case 7:
        case 8:
          {
            String[] views = {"keySet", "values", "entrySet"};
            String view = views[random.nextInt(3)];
            List<Object> seen = new ArrayList<>();
            steps.add(() -> history.invoke(thread, view));
            for (long key : shuffledKeys()) {
              steps.add(
                  () -> {
                    Long held = map.get(key);
                    if (held != null) {
                      seen.add(
                          view.equals("keySet") ? key : view.equals("values") ? held : List.of(key, held));
                    }
                  });
            }
            steps.add(() -> history.ok(thread, seen));
            break;
          }
        case 9:
          {
            boolean[] found = new boolean[1];
            steps.add(() -> history.invoke(thread, "containsValue", v));
            for (long key : shuffledKeys()) {
              steps.add(() -> found[0] |= Long.valueOf(v).equals(map.get(key)));
            }
            steps.add(() -> history.ok(thread, found[0]));
            break;
          }
        case 12:
        case 13:
        case 14:
          {
            // as ConcurrentSkipListMap: find the first (or last) entry, then remove it if it is
            // still there; a key put before it in between stays
            boolean first = random.nextBoolean();
            TreeMap<Long, Long> sorted = (TreeMap<Long, Long>) map;
            Long[] found = new Long[2];
            steps.add(() -> history.invoke(thread, first ? "pollFirstEntry" : "pollLastEntry"));
            steps.add(() -> found[0] = sorted.isEmpty() ? null : first ? sorted.firstKey() : sorted.lastKey());
            steps.add(
                () -> {
                  if (found[0] != null && !map.containsKey(found[0])) {
                    // it was removed meanwhile: take whatever is first now, at once
                    found[0] = sorted.isEmpty() ? null : first ? sorted.firstKey() : sorted.lastKey();
                  }
                  if (found[0] != null) {
                    found[1] = map.remove(found[0]);
                    cells[cell]--;
                  }
                });
            steps.add(() -> history.ok(thread, found[0] == null ? null : List.of(found[0], found[1])));
            break;
          }
        default:
          {
            boolean size = random.nextBoolean();
            long[] sum = new long[1];
            steps.add(() -> history.invoke(thread, size ? "size" : "isEmpty"));
            steps.add(() -> sum[0] += cells[0]);
            steps.add(() -> sum[0] += cells[1]);
            steps.add(() -> history.ok(thread, size ? Math.max(0, sum[0]) : sum[0] <= 0));
            break;
          }
      }
      return steps;
    }

    History run() {
      int threads = 2 + random.nextInt(2);
      List<List<Runnable>> programs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Runnable> program = new ArrayList<>();
        int calls = 1 + random.nextInt(4);
        for (int c = 0; c < calls; c++) {
          program.addAll(call(t, new Object[1]));
        }
        programs.add(program);
      }
      int[] next = new int[threads];
      while (true) {
        List<Integer> runnable = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          if (next[t] < programs.get(t).size()) {
            runnable.add(t);
          }
        }
        if (runnable.isEmpty()) {
          return history.build();
        }
        int t = runnable.get(random.nextInt(runnable.size()));
        programs.get(t).get(next[t]++).run();
      }
    }
  }
}
