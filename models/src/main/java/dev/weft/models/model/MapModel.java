package dev.weft.models.model;

import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import dev.weft.models.history.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The sequential model of a map, following the Javadoc of the class its {@link MapContract} names:
 * what each operation returns, which arguments throw, and what the map holds afterwards.
 *
 * <p>Operations are the Java method names with their arguments in Java order:
 *
 * <ul>
 *   <li>{@code Map}: {@code get(k)}, {@code put(k, v)}, {@code remove(k)}, {@code containsKey(k)},
 *       {@code containsValue(v)}, {@code size()}, {@code isEmpty()}, {@code clear()},
 *       {@code putAll(pairs)}, {@code getOrDefault(k, d)}, and the snapshot reads {@code keySet()},
 *       {@code values()}, {@code entrySet()};
 *   <li>{@code ConcurrentMap}: {@code putIfAbsent(k, v)}, {@code remove(k, v)}, {@code replace(k, v)},
 *       {@code replace(k, old, new)}, {@code computeIfAbsent(k, f)}, {@code computeIfPresent(k, f)},
 *       {@code compute(k, f)}, {@code merge(k, v, f)}, where {@code f} names a function:
 *       {@code "sum"}, {@code "inc"}, {@code "const:X"} or {@code "null"};
 *   <li>{@code NavigableMap} ({@code navigable-map} only): {@code firstKey()}, {@code lastKey()},
 *       {@code floorKey(k)}, {@code ceilingKey(k)}, {@code lowerKey(k)}, {@code higherKey(k)},
 *       {@code pollFirstEntry()}, {@code pollLastEntry()}.
 * </ul>
 *
 * <p>Representations: {@code putAll}'s argument is a list of {@code [key, value]} pairs in the
 * source map's iteration order; {@code keySet()} and {@code values()} return lists and
 * {@code entrySet()} a list of {@code [key, value]} pairs, compared in any order (the model sorts
 * both sides); {@code pollFirstEntry()} and {@code pollLastEntry()} return a {@code [key, value]}
 * pair or {@code null}; {@code size()} a number; void methods {@code null}.
 *
 * <p>Operations on one key are independent of other keys, so a history without whole-map
 * operations ({@code size}, {@code isEmpty}, {@code clear}, {@code putAll}, {@code containsValue},
 * the views and the navigable operations) is split by key.
 */
public final class MapModel implements Model<MapState> {

  private static final Result NPE = Result.exception(NullPointerException.class.getName());
  private static final Result CCE = Result.exception(ClassCastException.class.getName());
  private static final Result NO_SUCH_ELEMENT =
      Result.exception(NoSuchElementException.class.getName());
  private static final Result NULL = Result.value(null);

  /** Operation names with their parameter lists, for validation and messages. */
  private static final Map<String, String[]> SIGNATURES = new LinkedHashMap<>();

  /** The same parameter lists split into names, so that validating a line costs no parsing. */
  private static final Map<String, String[][]> PARAMETERS = new HashMap<>();

  /** Operations that read or write more than the key in their first argument. */
  private static final Set<String> WHOLE_MAP = new HashSet<>();

  private static final Set<String> NAVIGABLE = new HashSet<>();

  static {
    signature("get", "key");
    signature("put", "key, value");
    signature("remove", "key", "key, value");
    signature("containsKey", "key");
    signature("containsValue", "value");
    signature("size", "");
    signature("isEmpty", "");
    signature("clear", "");
    signature("putAll", "pairs");
    signature("getOrDefault", "key, defaultValue");
    signature("keySet", "");
    signature("values", "");
    signature("entrySet", "");
    signature("putIfAbsent", "key, value");
    signature("replace", "key, value", "key, oldValue, newValue");
    signature("computeIfAbsent", "key, function");
    signature("computeIfPresent", "key, function");
    signature("compute", "key, function");
    signature("merge", "key, value, function");
    signature("firstKey", "");
    signature("lastKey", "");
    signature("floorKey", "key");
    signature("ceilingKey", "key");
    signature("lowerKey", "key");
    signature("higherKey", "key");
    signature("pollFirstEntry", "");
    signature("pollLastEntry", "");
    WHOLE_MAP.addAll(
        List.of(
            "size", "isEmpty", "clear", "putAll", "containsValue", "keySet", "values", "entrySet"));
    NAVIGABLE.addAll(
        List.of(
            "firstKey",
            "lastKey",
            "floorKey",
            "ceilingKey",
            "lowerKey",
            "higherKey",
            "pollFirstEntry",
            "pollLastEntry"));
    WHOLE_MAP.addAll(NAVIGABLE);
  }

  private static final MapModel MAP = new MapModel(MapContract.MAP);
  private static final MapModel CONCURRENT_MAP = new MapModel(MapContract.CONCURRENT_MAP);
  private static final MapModel NAVIGABLE_MAP = new MapModel(MapContract.NAVIGABLE_MAP);

  private final MapContract contract;
  private final boolean nullHostile;
  private final List<Outcome<MapState>> initial;

  private MapModel(MapContract contract) {
    this.contract = contract;
    this.nullHostile = contract.nullHostile();
    this.initial = List.of(new Outcome<>(NULL, MapState.EMPTY));
  }

  private static void signature(String name, String... parameterLists) {
    SIGNATURES.put(name, parameterLists);
    String[][] names = new String[parameterLists.length][];
    for (int i = 0; i < parameterLists.length; i++) {
      names[i] = parameterLists[i].isEmpty() ? new String[0] : parameterLists[i].split(", ");
    }
    PARAMETERS.put(name, names);
  }

  /** The model of {@code contract}. */
  public static MapModel of(MapContract contract) {
    switch (contract) {
      case MAP:
        return MAP;
      case CONCURRENT_MAP:
        return CONCURRENT_MAP;
      default:
        return NAVIGABLE_MAP;
    }
  }

  /**
   * The model named {@code map}, {@code concurrent-map} or {@code navigable-map}.
   *
   * @throws IllegalArgumentException naming the known models when there is none
   */
  public static MapModel named(String name) {
    return of(MapContract.named(name));
  }

  /** The contract this model follows. */
  public MapContract contract() {
    return contract;
  }

  @Override
  public MapState initialState() {
    return MapState.EMPTY;
  }

  @Override
  public String toString() {
    return contract.modelName();
  }

  @Override
  public List<Outcome<MapState>> step(MapState state, Operation op) {
    Result result;
    MapState next = state;
    Object key = op.arity() > 0 ? op.arg(0) : null;
    switch (op.name()) {
      case "get":
        result = nullKey(key) ? NPE : incomparable(state, key) ? CCE : value(state.get(key));
        break;
      case "containsKey":
        result =
            nullKey(key) ? NPE : incomparable(state, key) ? CCE : value(state.containsKey(key));
        break;
      case "getOrDefault":
        if (nullKey(key)) {
          result = NPE;
        } else if (incomparable(state, key)) {
          result = CCE;
        } else {
          result = value(state.containsKey(key) ? state.get(key) : op.arg(1));
        }
        break;
      case "containsValue":
        result = nullHostile && key == null ? NPE : value(state.containsValue(key));
        break;
      case "size":
        result = value((long) state.size());
        break;
      case "isEmpty":
        result = value(state.size() == 0);
        break;
      case "clear":
        result = NULL;
        next = MapState.EMPTY;
        break;
      case "keySet":
        result = value(state.keys());
        break;
      case "values":
        result = value(state.values());
        break;
      case "entrySet":
        result = value(state.entries());
        break;
      case "put":
        if (nullKey(key) || nullValue(op.arg(1))) {
          result = NPE;
        } else if (incomparable(state, key)) {
          result = CCE;
        } else {
          result = value(state.get(key));
          next = state.with(key, op.arg(1));
        }
        break;
      case "putAll":
        return putAll(state, op.arg(0));
      case "remove":
        if (nullKey(key)) {
          result = NPE;
        } else if (incomparable(state, key)) {
          result = CCE;
        } else if (op.arity() == 1) {
          result = value(state.get(key));
          next = state.without(key);
        } else if (nullHostile && op.arg(1) == null) {
          result = value(false);
        } else {
          boolean removes = state.containsKey(key) && Objects.equals(state.get(key), op.arg(1));
          result = value(removes);
          next = removes ? state.without(key) : state;
        }
        break;
      case "putIfAbsent":
        if (nullKey(key) || nullValue(op.arg(1))) {
          result = NPE;
        } else if (incomparable(state, key)) {
          result = CCE;
        } else {
          // HashMap replaces a null value too: putIfAbsent treats "mapped to null" as absent
          Object old = state.get(key);
          result = value(old);
          next = old == null ? state.with(key, op.arg(1)) : state;
        }
        break;
      case "replace":
        if (op.arity() == 2) {
          if (nullKey(key) || nullValue(op.arg(1))) {
            result = NPE;
          } else if (incomparable(state, key)) {
            result = CCE;
          } else {
            boolean present = state.containsKey(key);
            result = value(state.get(key));
            next = present ? state.with(key, op.arg(1)) : state;
          }
        } else {
          if (nullKey(key) || nullValue(op.arg(1)) || nullValue(op.arg(2))) {
            result = NPE;
          } else if (incomparable(state, key)) {
            result = CCE;
          } else {
            boolean replaces =
                state.containsKey(key) && Objects.equals(state.get(key), op.arg(1));
            result = value(replaces);
            next = replaces ? state.with(key, op.arg(2)) : state;
          }
        }
        break;
      case "computeIfAbsent":
      case "computeIfPresent":
      case "compute":
      case "merge":
        return compute(state, op, key);
      case "firstKey":
      case "lastKey":
        if (state.size() == 0) {
          result = NO_SUCH_ELEMENT;
        } else {
          result = value(state.keyAt(op.name().equals("firstKey") ? 0 : state.size() - 1));
        }
        break;
      case "pollFirstEntry":
      case "pollLastEntry":
        if (state.size() == 0) {
          result = NULL;
        } else {
          int i = op.name().equals("pollFirstEntry") ? 0 : state.size() - 1;
          result = value(state.entry(i));
          next = state.without(state.keyAt(i));
        }
        break;
      case "floorKey":
      case "ceilingKey":
      case "lowerKey":
      case "higherKey":
        result = key == null ? NPE : incomparable(state, key) ? CCE : value(near(state, op));
        break;
      default:
        throw new IllegalArgumentException(unknown(op.name()));
    }
    if (result == NULL && next == MapState.EMPTY) {
      return initial;
    }
    return List.of(new Outcome<>(result, next));
  }

  /** Returns whether {@code op} reads or writes more than the key in its first argument. */
  static boolean isWholeMap(String op) {
    return WHOLE_MAP.contains(op);
  }

  private static Object near(MapState state, Operation op) {
    int i = state.indexOf(op.arg(0));
    boolean found = i >= 0;
    int insertion = found ? i : -i - 1;
    int at;
    switch (op.name()) {
      case "floorKey":
        at = found ? i : insertion - 1;
        break;
      case "lowerKey":
        at = (found ? i : insertion) - 1;
        break;
      case "ceilingKey":
        at = found ? i : insertion;
        break;
      default:
        at = found ? i + 1 : insertion;
        break;
    }
    return at >= 0 && at < state.size() ? state.keyAt(at) : null;
  }

  private List<Outcome<MapState>> putAll(MapState state, Object pairs) {
    if (pairs == null) {
      return List.of(new Outcome<>(NPE, state));
    }
    // entries go in one by one, in the source map's order: a throwing one keeps the earlier ones
    MapState next = state;
    for (Object pair : (List<?>) pairs) {
      Object key = ((List<?>) pair).get(0);
      Object value = ((List<?>) pair).get(1);
      if (nullKey(key) || nullValue(value)) {
        return List.of(new Outcome<>(NPE, next));
      }
      if (incomparable(next, key)) {
        return List.of(new Outcome<>(CCE, next));
      }
      next = next.with(key, value);
    }
    return List.of(new Outcome<>(NULL, next));
  }

  private List<Outcome<MapState>> compute(MapState state, Operation op, Object key) {
    boolean merge = op.name().equals("merge");
    Object named = op.arg(merge ? 2 : 1);
    if (named == null || nullKey(key) || (merge && op.arg(1) == null)) {
      return List.of(new Outcome<>(NPE, state));
    }
    if (incomparable(state, key)) {
      return List.of(new Outcome<>(CCE, state));
    }
    MapFunction function = MapFunction.named((String) named);
    Object old = state.get(key);
    Object computed;
    try {
      switch (op.name()) {
        case "computeIfAbsent":
          if (old != null) {
            return List.of(new Outcome<>(value(old), state));
          }
          computed = function.ofKey(key);
          return List.of(
              new Outcome<>(value(computed), computed == null ? state : state.with(key, computed)));
        case "computeIfPresent":
          if (old == null) {
            return List.of(new Outcome<>(NULL, state));
          }
          computed = function.remap(key, old);
          break;
        case "compute":
          computed = function.remap(key, old);
          break;
        default:
          if (old == null) {
            return List.of(new Outcome<>(value(op.arg(1)), state.with(key, op.arg(1))));
          }
          computed = function.merge(old, op.arg(1));
          break;
      }
    } catch (RuntimeException thrown) {
      // the function throws as its Java lambda would; the map propagates it unchanged
      return List.of(new Outcome<>(Result.exception(thrown.getClass().getName()), state));
    }
    MapState next = computed == null ? state.without(key) : state.with(key, computed);
    return List.of(new Outcome<>(value(computed), next));
  }

  private boolean nullKey(Object key) {
    return key == null && nullHostile;
  }

  private boolean nullValue(Object value) {
    return value == null && nullHostile;
  }

  /** A sorted map compares keys: one of another type than the present keys cannot be compared. */
  boolean incomparable(MapState state, Object key) {
    if (!contract.navigable() || state.size() == 0 || key == null) {
      return false;
    }
    return state.keyAt(0).getClass() != key.getClass()
        || state.keyAt(state.size() - 1).getClass() != key.getClass();
  }

  private static Result value(Object value) {
    return Result.value(value);
  }

  @Override
  public Result canonical(Operation op) {
    Result recorded = op.result();
    if (recorded != null
        && !recorded.isException()
        && recorded.value() instanceof List<?>
        && (op.name().equals("keySet")
            || op.name().equals("values")
            || op.name().equals("entrySet"))) {
      return Result.value(Value.sorted((List<?>) recorded.value()));
    }
    return recorded;
  }

  @Override
  public Map<Object, List<Operation>> partition(List<Operation> operations) {
    Map<Object, List<Operation>> parts = new LinkedHashMap<>();
    Class<?> keyType = null;
    boolean mixedKeys = false;
    for (Operation op : operations) {
      if (WHOLE_MAP.contains(op.name())) {
        return null;
      }
      Object key = op.arg(0);
      if (key != null) {
        mixedKeys |= keyType != null && keyType != key.getClass();
        keyType = key.getClass();
      }
      parts.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
    }
    // a sorted map throws ClassCastException depending on the other keys present
    return mixedKeys && contract.navigable() ? null : parts;
  }

  @Override
  public String describePart(Object key) {
    return "key " + Value.format(key);
  }

  @Override
  public void validate(String op, List<Object> args) {
    String[] parameterLists = SIGNATURES.get(op);
    if (parameterLists == null) {
      throw new IllegalArgumentException(unknown(op));
    }
    if (NAVIGABLE.contains(op) && !contract.navigable()) {
      throw new IllegalArgumentException(
          "operation "
              + op
              + " is not in model "
              + contract.modelName()
              + "; use --model navigable-map for NavigableMap operations");
    }
    String[] names = null;
    for (String[] candidate : PARAMETERS.get(op)) {
      if (candidate.length == args.size()) {
        names = candidate;
      }
    }
    if (names == null) {
      StringBuilder expected = new StringBuilder();
      for (String candidate : parameterLists) {
        expected.append(expected.length() == 0 ? "" : " or ").append(op);
        expected.append('(').append(candidate).append(')');
      }
      throw new IllegalArgumentException(
          op + " takes " + expected + ", was given " + args.size() + " arguments " + Value.format(args));
    }
    for (int i = 0; i < names.length; i++) {
      Object arg = args.get(i);
      switch (names[i]) {
        case "function":
          if (arg != null && (!(arg instanceof String) || MapFunction.named((String) arg) == null)) {
            throw new IllegalArgumentException(
                "the function of "
                    + op
                    + " must name one of sum, inc, const:X or null, was "
                    + Value.format(arg));
          }
          break;
        case "pairs":
          validatePairs(arg);
          break;
        default:
          if (arg instanceof List<?>) {
            throw new IllegalArgumentException(
                "the "
                    + names[i]
                    + " of "
                    + op
                    + " must be a number, string, boolean or null, was "
                    + Value.format(arg));
          }
      }
    }
  }

  private static void validatePairs(Object arg) {
    if (arg == null) {
      return;
    }
    if (!(arg instanceof List<?>)) {
      throw new IllegalArgumentException(
          "the argument of putAll must be a list of [key, value] pairs, was " + Value.format(arg));
    }
    Set<Object> keys = new HashSet<>();
    for (Object pair : (List<?>) arg) {
      if (!(pair instanceof List<?>)
          || ((List<?>) pair).size() != 2
          || ((List<?>) pair).get(0) instanceof List<?>
          || ((List<?>) pair).get(1) instanceof List<?>) {
        throw new IllegalArgumentException(
            "the argument of putAll must be a list of [key, value] pairs, has "
                + Value.format(pair));
      }
      if (!keys.add(((List<?>) pair).get(0))) {
        throw new IllegalArgumentException(
            "the argument of putAll has key "
                + Value.format(((List<?>) pair).get(0))
                + " twice; a map holds each key once");
      }
    }
  }

  private String unknown(String op) {
    List<String> known = new ArrayList<>();
    for (String name : SIGNATURES.keySet()) {
      if (contract.navigable() || !NAVIGABLE.contains(name)) {
        known.add(name);
      }
    }
    return "unknown operation \""
        + op
        + "\" for model "
        + contract.modelName()
        + "; use one of "
        + String.join(", ", known);
  }
}
