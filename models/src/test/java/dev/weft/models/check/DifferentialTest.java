package dev.weft.models.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.models.history.History;
import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import dev.weft.models.model.MapContract;
import dev.weft.models.model.MapModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checker against an oracle written independently: random small histories recorded from a real
 * {@code HashMap}, {@code ConcurrentHashMap} or {@code ConcurrentSkipListMap} (some with one result
 * altered, some with pending operations), judged by the checker and by a plain search over every
 * real-time order that replays the operations on a fresh real map. Run more with
 * {@code -Dweft.models.differential.count=1000000}.
 */
class DifferentialTest {

  private static final int COUNT = Integer.getInteger("weft.models.differential.count", 20_000);

  private static final List<String> MAP_OPS =
      List.of(
          "get", "put", "remove", "containsKey", "containsValue", "size", "isEmpty", "clear",
          "putAll", "getOrDefault", "keySet", "values", "entrySet", "putIfAbsent", "remove2",
          "replace", "replace3", "computeIfAbsent", "computeIfPresent", "compute", "merge");

  private static final List<String> NAVIGABLE_OPS =
      List.of(
          "firstKey", "lastKey", "floorKey", "ceilingKey", "lowerKey", "higherKey",
          "pollFirstEntry", "pollLastEntry");

  private static final List<String> FUNCTIONS = List.of("sum", "inc", "const:1", "null");

  @Test
  void verdict_randomSmallHistories_equalsBruteForceOverAllOrders() {
    int[] verdicts = new int[3];
    Checker checker = Checker.withDefaults();
    for (int i = 0; i < COUNT; i++) {
      long seed = 0x5EED0000L + i;
      MapContract contract = MapContract.values()[i % 3];
      History history = randomHistory(new Random(seed), contract);
      CheckResult result = checker.check(history, MapModel.of(contract));
      boolean expected = BruteForce.linearizable(history.operations(), contract);
      assertThat(result.verdict())
          .as("seed %d, model %s, history:%n%s%s", seed, contract.modelName(), history, result)
          .isEqualTo(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE);
      verdicts[expected ? 0 : 1]++;
      verdicts[2] += result.parts() > 1 ? 1 : 0;
    }
    // both verdicts and both kinds of check (split by key, whole) must be well exercised
    assertThat(verdicts[0]).isGreaterThan(COUNT / 5);
    assertThat(verdicts[1]).isGreaterThan(COUNT / 5);
    assertThat(verdicts[2]).isGreaterThan(COUNT / 50);
  }

  /** One event to record: an invocation, or a response with its result. */
  private record Event(int thread, String op, Object[] args, Object value, String error,
      boolean invoke, boolean info) {}

  static History randomHistory(Random random, MapContract contract) {
    List<String> ops = new ArrayList<>(MAP_OPS);
    if (contract.navigable()) {
      ops.addAll(NAVIGABLE_OPS);
    }
    int threads = 1 + random.nextInt(3);
    // few whole-map operations in some histories, so that splitting by key is exercised too
    boolean perKeyOnly = random.nextInt(3) == 0;
    List<List<Object[]>> programs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Object[]> program = new ArrayList<>();
      int length = 1 + random.nextInt(4);
      for (int k = 0; k < length; k++) {
        String op;
        do {
          op = ops.get(random.nextInt(ops.size()));
        } while (perKeyOnly && BruteForce.WHOLE.contains(op));
        program.add(call(random, op));
      }
      programs.add(program);
    }
    Map<Object, Object> real = BruteForce.fresh(contract);
    List<Event> events = new ArrayList<>();
    int[] next = new int[threads];
    int[] phase = new int[threads]; // 0 idle, 1 invoked, 2 took effect
    Object[] results = new Object[threads];
    boolean[] crashed = new boolean[threads];
    while (true) {
      List<Integer> runnable = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        if (!crashed[t] && (phase[t] != 0 || next[t] < programs.get(t).size())) {
          runnable.add(t);
        }
      }
      if (runnable.isEmpty()) {
        break;
      }
      int t = runnable.get(random.nextInt(runnable.size()));
      Object[] call = programs.get(t).get(next[t]);
      if (phase[t] == 0) {
        events.add(new Event(t, (String) call[0], (Object[]) call[1], null, null, true, false));
        phase[t] = 1;
      } else if (phase[t] == 1) {
        if (random.nextInt(25) == 0) {
          crashed[t] = true; // pending, never took effect
          continue;
        }
        results[t] = BruteForce.apply(real, (String) call[0], (Object[]) call[1]);
        phase[t] = 2;
      } else {
        if (random.nextInt(25) == 0) {
          crashed[t] = true; // pending, took effect
          continue;
        }
        Object result = results[t];
        if (result instanceof BruteForce.Thrown) {
          events.add(new Event(t, null, null, null, ((BruteForce.Thrown) result).type, false, false));
        } else {
          events.add(new Event(t, null, null, result, null, false, false));
        }
        phase[t] = 0;
        next[t]++;
      }
    }
    if (random.nextInt(5) < 2) {
      List<Integer> responses = new ArrayList<>();
      for (int e = 0; e < events.size(); e++) {
        if (!events.get(e).invoke) {
          responses.add(e);
        }
      }
      if (!responses.isEmpty()) {
        int e = responses.get(random.nextInt(responses.size()));
        Event old = events.get(e);
        events.set(e, corrupt(random, old));
      }
    }
    History.Builder builder = History.builder();
    for (Event event : events) {
      if (event.invoke) {
        builder.invoke(event.thread, event.op, event.args);
      } else if (event.error != null) {
        builder.fail(event.thread, event.error);
      } else {
        builder.ok(event.thread, event.value);
      }
    }
    return builder.build();
  }

  private static Event corrupt(Random random, Event old) {
    Object[] choices = {null, 0L, 1L, 2L, 3L, 4L, true, false, List.of(1L), List.of(List.of(1L, 1L))};
    if (random.nextInt(6) == 0) {
      return new Event(old.thread, null, null, null, "java.lang.NullPointerException", false, false);
    }
    return new Event(
        old.thread, null, null, choices[random.nextInt(choices.length)], null, false, false);
  }

  private static Object[] call(Random random, String op) {
    switch (op) {
      case "get":
      case "remove":
      case "containsKey":
      case "floorKey":
      case "ceilingKey":
      case "lowerKey":
      case "higherKey":
        return new Object[] {op, new Object[] {key(random)}};
      case "containsValue":
        return new Object[] {op, new Object[] {value(random)}};
      case "put":
      case "putIfAbsent":
      case "replace":
      case "getOrDefault":
        return new Object[] {op, new Object[] {key(random), value(random)}};
      case "remove2":
        return new Object[] {"remove", new Object[] {key(random), value(random)}};
      case "replace3":
        return new Object[] {"replace", new Object[] {key(random), value(random), value(random)}};
      case "computeIfAbsent":
      case "computeIfPresent":
      case "compute":
        return new Object[] {op, new Object[] {key(random), function(random)}};
      case "merge":
        return new Object[] {op, new Object[] {key(random), value(random), function(random)}};
      case "putAll":
        List<Object> pairs = new ArrayList<>();
        int size = random.nextInt(3);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          Object key = key(random);
          if (!keys.contains(key)) {
            keys.add(key);
            pairs.add(java.util.Arrays.asList(key, value(random)));
          }
        }
        return new Object[] {op, new Object[] {random.nextInt(30) == 0 ? null : pairs}};
      default:
        return new Object[] {op, new Object[0]};
    }
  }

  private static Object key(Random random) {
    return random.nextInt(15) == 0 ? null : (long) (1 + random.nextInt(2));
  }

  private static Object value(Random random) {
    return random.nextInt(15) == 0 ? null : (long) (1 + random.nextInt(3));
  }

  private static Object function(Random random) {
    return random.nextInt(30) == 0 ? null : FUNCTIONS.get(random.nextInt(FUNCTIONS.size()));
  }

  /**
   * The oracle: tries every order that respects real time, replaying it on a real map, and never
   * looks at the checker's model. Pending operations are placed or left out.
   */
  static final class BruteForce {

    static final List<String> WHOLE =
        List.of("size", "isEmpty", "clear", "putAll", "containsValue", "keySet", "values",
            "entrySet", "firstKey", "lastKey", "floorKey", "ceilingKey", "lowerKey", "higherKey",
            "pollFirstEntry", "pollLastEntry");

    /** What a call threw. */
    static final class Thrown {
      final String type;

      Thrown(String type) {
        this.type = type;
      }
    }

    static boolean linearizable(List<Operation> ops, MapContract contract) {
      return search(ops, new boolean[ops.size()], fresh(contract), contract);
    }

    private static boolean search(
        List<Operation> ops, boolean[] placed, Map<Object, Object> map, MapContract contract) {
      boolean done = true;
      for (int i = 0; i < ops.size(); i++) {
        done &= placed[i] || ops.get(i).isPending();
      }
      if (done) {
        return true;
      }
      for (int i = 0; i < ops.size(); i++) {
        if (placed[i] || !mayGoNext(ops, placed, i)) {
          continue;
        }
        Operation op = ops.get(i);
        Map<Object, Object> copy = copy(map, contract);
        Object actual = apply(copy, op.name(), op.args().toArray());
        if (op.isPending() || same(op.result(), actual)) {
          placed[i] = true;
          boolean found = search(ops, placed, copy, contract);
          placed[i] = false;
          if (found) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean mayGoNext(List<Operation> ops, boolean[] placed, int i) {
      for (int j = 0; j < ops.size(); j++) {
        Operation other = ops.get(j);
        if (!placed[j] && !other.isPending() && other.respondedAt() < ops.get(i).invokedAt()) {
          return false;
        }
      }
      return true;
    }

    private static boolean same(Result recorded, Object actual) {
      if (actual instanceof Thrown) {
        return recorded.isException() && recorded.exceptionType().equals(((Thrown) actual).type);
      }
      if (recorded.isException()) {
        return false;
      }
      if (actual instanceof Collection<?> && recorded.value() instanceof List<?>) {
        return counts((Collection<?>) actual).equals(counts((List<?>) recorded.value()));
      }
      return Objects.equals(recorded.value(), actual);
    }

    private static Map<Object, Integer> counts(Collection<?> values) {
      Map<Object, Integer> counts = new HashMap<>();
      for (Object value : values) {
        counts.merge(value, 1, Integer::sum);
      }
      return counts;
    }

    static Map<Object, Object> fresh(MapContract contract) {
      switch (contract) {
        case MAP:
          return new HashMap<>();
        case CONCURRENT_MAP:
          return new ConcurrentHashMap<>();
        default:
          return new ConcurrentSkipListMap<>();
      }
    }

    private static Map<Object, Object> copy(Map<Object, Object> map, MapContract contract) {
      Map<Object, Object> copy = fresh(contract);
      copy.putAll(map);
      return copy;
    }

    /** Calls {@code op} on the real map; returns what it returned (as history values) or threw. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object apply(Map<Object, Object> map, String op, Object[] args) {
      try {
        Object key = args.length > 0 ? args[0] : null;
        switch (op) {
          case "get":
            return map.get(key);
          case "put":
            return map.put(key, args[1]);
          case "remove":
            return args.length == 1 ? map.remove(key) : (Object) map.remove(key, args[1]);
          case "containsKey":
            return map.containsKey(key);
          case "containsValue":
            return map.containsValue(key);
          case "size":
            return (long) map.size();
          case "isEmpty":
            return map.isEmpty();
          case "clear":
            map.clear();
            return null;
          case "putAll":
            Map<Object, Object> source = null;
            if (key != null) {
              source = new LinkedHashMap<>();
              for (Object pair : (List<?>) key) {
                source.put(((List<?>) pair).get(0), ((List<?>) pair).get(1));
              }
            }
            map.putAll(source);
            return null;
          case "getOrDefault":
            return map.getOrDefault(key, args[1]);
          case "keySet":
            return new ArrayList<>(map.keySet());
          case "values":
            return new ArrayList<>(map.values());
          case "entrySet":
            List<Object> entries = new ArrayList<>();
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
              entries.add(java.util.Arrays.asList(entry.getKey(), entry.getValue()));
            }
            return entries;
          case "putIfAbsent":
            return map.putIfAbsent(key, args[1]);
          case "replace":
            return args.length == 2
                ? map.replace(key, args[1])
                : (Object) map.replace(key, args[1], args[2]);
          case "computeIfAbsent":
            return map.computeIfAbsent(key, ofKey((String) args[1]));
          case "computeIfPresent":
            return map.computeIfPresent(key, remap((String) args[1]));
          case "compute":
            return map.compute(key, remap((String) args[1]));
          case "merge":
            return map.merge(key, args[1], merge((String) args[2]));
          default:
            return navigable((ConcurrentSkipListMap) map, op, key);
        }
      } catch (RuntimeException thrown) {
        return new Thrown(thrown.getClass().getName());
      }
    }

    private static Object navigable(ConcurrentSkipListMap<Object, Object> map, String op, Object key) {
      switch (op) {
        case "firstKey":
          return map.firstKey();
        case "lastKey":
          return map.lastKey();
        case "floorKey":
          return map.floorKey(key);
        case "ceilingKey":
          return map.ceilingKey(key);
        case "lowerKey":
          return map.lowerKey(key);
        case "higherKey":
          return map.higherKey(key);
        case "pollFirstEntry":
          return pair(map.pollFirstEntry());
        case "pollLastEntry":
          return pair(map.pollLastEntry());
        default:
          throw new AssertionError("no such operation in the test: " + op);
      }
    }

    private static Object pair(Map.Entry<Object, Object> entry) {
      return entry == null ? null : List.of(entry.getKey(), entry.getValue());
    }

    private static Function<Object, Object> ofKey(String name) {
      if (name == null) {
        return null;
      }
      switch (name) {
        case "sum":
          return k -> (Long) k;
        case "inc":
          return k -> 1L;
        case "const:1":
          return k -> 1L;
        default:
          return k -> null;
      }
    }

    private static BiFunction<Object, Object, Object> remap(String name) {
      if (name == null) {
        return null;
      }
      switch (name) {
        case "sum":
          return (k, v) -> (Long) k + (Long) v;
        case "inc":
          return (k, v) -> v == null ? 1L : (Long) v + 1;
        case "const:1":
          return (k, v) -> 1L;
        default:
          return (k, v) -> null;
      }
    }

    private static BiFunction<Object, Object, Object> merge(String name) {
      if (name == null) {
        return null;
      }
      switch (name) {
        case "sum":
          return (a, b) -> (Long) a + (Long) b;
        case "inc":
          return (a, b) -> (Long) a + 1;
        case "const:1":
          return (a, b) -> 1L;
        default:
          return (a, b) -> null;
      }
    }
  }
}
