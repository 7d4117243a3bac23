package dev.weft.models.model;

import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import dev.weft.models.history.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A map model for a class whose contract makes some whole-map operations non-atomic, as the Javadoc
 * of {@code ConcurrentHashMap} and {@code ConcurrentSkipListMap} does: every other operation is
 * checked as the strict {@link MapModel} of the same {@link MapContract} checks it, and each
 * operation named weak is checked by the weaker semantics below, which the class's implementation
 * guarantees.
 *
 * <ul>
 *   <li>{@code putAll} puts its entries one by one, each atomically at its own point between the
 *       call's invocation and response, in any order; {@code clear} removes every key the same way.
 *       Other threads may see some entries put or removed and not the others.
 *   <li>{@code keySet}, {@code values} and {@code entrySet} (copied by iteration) and
 *       {@code containsValue} are weakly consistent traversals: each key is read atomically, at its
 *       own point during the call, present with its value or absent. A key is reported at most once.
 *   <li>{@code pollFirstEntry} and {@code pollLastEntry} that return an entry find it first (or
 *       last) at one point and remove it, if it still holds that value, at a later one: a key put
 *       before it in between stays, as in {@code ConcurrentSkipListMap}. One that returns {@code
 *       null} saw the map empty at one point.
 *   <li>{@code size} and {@code isEmpty} count the entries apart from them: the count is that of
 *       the calls that completed before the read, plus any subset of what the calls concurrent with
 *       it added or removed. A {@code put} that returned {@code null} added one entry, a
 *       {@code remove} that returned a value removed one, a {@code clear} removed any number, and so
 *       on; {@code size} returns that count (never below 0), {@code isEmpty} whether it is 0.
 * </ul>
 *
 * <p>Each weak operation is split into {@linkplain Operation#part parts} that the checker places one
 * by one. The parts of a key-by-key traversal, a {@code putAll} and a {@code clear} touch one key
 * each, so a history is still checked key by key when no other whole-map operation is present;
 * {@code values()} and a {@code containsValue} that returned {@code true} tie their keys together
 * (which key holds the value read), and a history with them is checked whole. A count
 * ({@code size}, {@code isEmpty}) depends on no state and is checked on its own. The weak semantics
 * accept every history the strict model accepts: they only add orders.
 *
 * <p>The model is sound for a weak operation only when the class implements it as described; the
 * engine uses it for the JDK classes whose Javadoc and code it was checked against, and the strict
 * model for every other map.
 */
public final class WeakMapModel implements Model<WeakMapModel.State> {

  /** The operations a {@code WeakMapModel} can check weakly. */
  public static final Set<String> WEAKENABLE =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "putAll",
                  "clear",
                  "keySet",
                  "values",
                  "entrySet",
                  "containsValue",
                  "size",
                  "isEmpty",
                  "pollFirstEntry",
                  "pollLastEntry")));

  private static final String PUT_PART = "putAll:put";
  private static final String REMOVE_PART = "clear:remove";
  private static final String REMOVE_AGAIN = "clear:again";
  private static final String KEY_READ = "keySet:read";
  private static final String ENTRY_READ = "entrySet:read";
  private static final String VALUE_READ = "values:read";
  private static final String CONTAINS_READ = "containsValue:read";
  private static final String OTHER_VALUE_READ = "containsValue:other";
  private static final String POLL_FIND = "poll:find";
  private static final String POLL_REMOVE = "poll:remove";
  private static final String POLL_ANY = "poll:any";
  private static final String SIZE_COUNT = "size:count";
  private static final String EMPTY_COUNT = "isEmpty:count";

  private static final Result NULL = Result.value(null);
  private static final Result TRUE = Result.value(true);
  private static final Result FALSE = Result.value(false);
  /** The recorded result of a read of a key that a traversal reported twice: no state gives it. */
  private static final Result TWICE = Result.value("reported twice");

  /** The part key of a history checked whole. */
  private static final Object WHOLE = new Object();

  private final MapModel strict;
  private final Set<String> weak;

  private WeakMapModel(MapModel strict, Set<String> weak) {
    this.strict = strict;
    this.weak = weak;
  }

  /**
   * The model of {@code contract} in which the operations {@code weakOperations} are checked weakly.
   *
   * @throws IllegalArgumentException naming an operation that cannot be checked weakly
   */
  public static WeakMapModel of(MapContract contract, Set<String> weakOperations) {
    for (String op : weakOperations) {
      if (!WEAKENABLE.contains(op)) {
        throw new IllegalArgumentException(
            "operation "
                + op
                + " cannot be checked weakly, was given among "
                + weakOperations
                + "; use some of "
                + WEAKENABLE);
      }
    }
    return new WeakMapModel(
        MapModel.of(contract), Collections.unmodifiableSet(new LinkedHashSet<>(weakOperations)));
  }

  /** The operations this model checks weakly. */
  public Set<String> weakOperations() {
    return weak;
  }

  /** The strict model of the same contract. */
  public MapModel strict() {
    return strict;
  }

  @Override
  public String toString() {
    return strict + " with weak " + String.join(", ", weak);
  }

  /**
   * A map with the progress of the traversals whose keys are tied together: which values a
   * {@code values()} read still has to find, and how many of its keys it has read. Immutable.
   */
  public static final class State {
    private final MapState map;
    private final List<Track> tracks;

    State(MapState map, List<Track> tracks) {
      this.map = map;
      this.tracks = tracks;
    }

    /** The map. */
    public MapState map() {
      return map;
    }

    State withMap(MapState next) {
      return next == map ? this : new State(next, tracks);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State && map.equals(((State) o).map) && tracks.equals(((State) o).tracks);
    }

    @Override
    public int hashCode() {
      return map.hashCode() * 31 + tracks.hashCode();
    }

    @Override
    public String toString() {
      return tracks.isEmpty() ? map.toString() : map + " " + tracks;
    }
  }

  /** A tied traversal in progress: the whole operation, keys read so far, values still to find. */
  private record Track(int op, int read, List<Object> missing) {}

  @Override
  public State initialState() {
    return new State(MapState.EMPTY, List.of());
  }

  @Override
  public List<Outcome<State>> step(State state, Operation op) {
    MapState map = state.map;
    switch (op.name()) {
      case PUT_PART:
        {
          Object key = op.arg(0);
          if (strict.incomparable(map, key)) {
            return List.of(new Outcome<>(Result.exception(ClassCastException.class.getName()), state));
          }
          return List.of(new Outcome<>(NULL, state.withMap(map.with(key, op.arg(1)))));
        }
      case REMOVE_PART:
        return List.of(new Outcome<>(NULL, state.withMap(map.without(op.arg(0)))));
      case REMOVE_AGAIN:
        return map.containsKey(op.arg(0))
            ? List.of(
                new Outcome<>(NULL, state.withMap(map.without(op.arg(0)))), new Outcome<>(NULL, state))
            : List.of(new Outcome<>(NULL, state));
      case KEY_READ:
        return List.of(new Outcome<>(Result.value(map.containsKey(op.arg(0))), state));
      case ENTRY_READ:
        {
          Object key = op.arg(0);
          Object seen = map.containsKey(key) ? Arrays.asList(map.get(key)) : null;
          return List.of(new Outcome<>(Result.value(seen), state));
        }
      case OTHER_VALUE_READ:
        {
          Object key = op.arg(0);
          boolean holds = map.containsKey(key) && Objects.equals(map.get(key), op.arg(1));
          return List.of(new Outcome<>(Result.value(!holds), state));
        }
      case VALUE_READ:
      case CONTAINS_READ:
        return List.of(tiedRead(state, op));
      case POLL_FIND:
        {
          // arguments: key, whether the first (or else the last) key
          Object key = op.arg(0);
          int at = Boolean.TRUE.equals(op.arg(1)) ? 0 : map.size() - 1;
          boolean found = map.size() > 0 && map.containsKey(key) && Value.ORDER.compare(map.keyAt(at), key) == 0;
          return List.of(new Outcome<>(Result.value(found), state));
        }
      case POLL_REMOVE:
        {
          Object key = op.arg(0);
          boolean holds = map.containsKey(key) && Objects.equals(map.get(key), op.arg(1));
          return List.of(new Outcome<>(Result.value(holds), holds ? state.withMap(map.without(key)) : state));
        }
      case POLL_ANY:
        {
          List<Outcome<State>> removals = new ArrayList<>();
          for (Object key : map.keys()) {
            removals.add(new Outcome<>(NULL, state.withMap(map.without(key))));
          }
          return removals.isEmpty() ? List.of(new Outcome<>(NULL, state)) : removals;
        }
      case SIZE_COUNT:
        {
          long low = (Long) op.arg(0);
          long high = (Long) op.arg(1);
          List<Outcome<State>> counts = new ArrayList<>();
          for (long n = low; n <= high; n++) {
            counts.add(new Outcome<>(Result.value(n), state));
          }
          return counts;
        }
      case EMPTY_COUNT:
        {
          List<Outcome<State>> answers = new ArrayList<>(2);
          if ((Long) op.arg(0) <= 0) {
            answers.add(new Outcome<>(TRUE, state));
          }
          if ((Long) op.arg(1) >= 1) {
            answers.add(new Outcome<>(FALSE, state));
          }
          return answers;
        }
      default:
        List<Outcome<MapState>> outcomes = strict.step(map, op);
        List<Outcome<State>> mapped = new ArrayList<>(outcomes.size());
        for (Outcome<MapState> outcome : outcomes) {
          mapped.add(new Outcome<>(outcome.result(), state.withMap(outcome.next())));
        }
        return mapped;
    }
  }

  /**
   * A read of one key by a {@code values()} (arguments: key, values returned, keys to read) or by a
   * {@code containsValue(v)} that returned true (arguments: key, {@code [v]}, keys to read): a
   * present key's value must be among those still to find, and once every key is read none may be
   * left. {@code containsValue} needs its value found once; other values do not matter to it.
   */
  private Outcome<State> tiedRead(State state, Operation op) {
    boolean values = op.name().equals(VALUE_READ);
    Object key = op.arg(0);
    long keys = (Long) op.arg(2);
    int at = -1;
    for (int i = 0; i < state.tracks.size(); i++) {
      if (state.tracks.get(i).op == op.index()) {
        at = i;
      }
    }
    Track track =
        at >= 0
            ? state.tracks.get(at)
            : new Track(
                op.index(), 0, Collections.unmodifiableList(new ArrayList<>((List<?>) op.arg(1))));
    List<Object> missing = track.missing;
    if (state.map.containsKey(key)) {
      int found = missing.indexOf(state.map.get(key));
      if (found >= 0) {
        missing = new ArrayList<>(missing);
        missing.remove(found);
        missing = Collections.unmodifiableList(missing);
      } else if (values) {
        return new Outcome<>(FALSE, state);
      }
    }
    int read = track.read + 1;
    if (read == keys && !missing.isEmpty()) {
      return new Outcome<>(FALSE, state);
    }
    List<Track> tracks = new ArrayList<>(state.tracks);
    if (read == keys) {
      if (at >= 0) {
        tracks.remove(at);
      }
    } else if (at >= 0) {
      tracks.set(at, new Track(track.op, read, missing));
    } else {
      tracks.add(new Track(track.op, read, missing));
    }
    return new Outcome<>(TRUE, new State(state.map, List.copyOf(tracks)));
  }

  @Override
  public Result canonical(Operation op) {
    return op.whole() != null ? op.result() : strict.canonical(op);
  }

  @Override
  public String describePart(Object key) {
    if (key == WHOLE) {
      return "whole history";
    }
    if (key instanceof CountPart) {
      return key.toString();
    }
    return strict.describePart(key);
  }

  @Override
  public void validate(String op, List<Object> args) {
    strict.validate(op, args);
  }

  /** The part of a history that holds one count ({@code size}, {@code isEmpty}), checked alone. */
  private static final class CountPart {
    private final Operation op;

    CountPart(Operation op) {
      this.op = op;
    }

    @Override
    public String toString() {
      return op.call()
          + " (events "
          + (op.invokedAt() + 1)
          + "-"
          + (op.respondedAt() + 1)
          + ") against the calls before and during it";
    }
  }

  /**
   * Splits each weak operation into its parts, then the history by key as {@link MapModel} does
   * (each count on its own), or returns it whole when an operation ties keys together.
   */
  @Override
  public Map<Object, List<Operation>> partition(List<Operation> operations) {
    Set<Object> universe = new TreeSet<>(Value.ORDER);
    for (Operation op : operations) {
      keys(op, universe);
    }
    List<Operation> parts = new ArrayList<>();
    List<Operation> counts = new ArrayList<>();
    boolean whole = false;
    Class<?> keyType = null;
    boolean mixedKeys = false;
    for (Operation op : operations) {
      Result result = op.result();
      if (!weak.contains(op.name()) || (result != null && result.isException())) {
        parts.add(op);
        whole |= MapModel.isWholeMap(op.name());
      } else if (op.name().equals("putAll")) {
        for (Object pair : (List<?>) op.arg(0)) {
          Object key = ((List<?>) pair).get(0);
          Object value = ((List<?>) pair).get(1);
          parts.add(
              op.part(
                  PUT_PART,
                  Arrays.asList(key, value),
                  result == null ? null : NULL,
                  "its put(" + Value.format(key) + ", " + Value.format(value) + ")"));
        }
      } else if (op.name().equals("clear")) {
        for (Object key : universe) {
          parts.add(
              op.part(
                  REMOVE_PART,
                  Arrays.asList(key),
                  result == null ? null : NULL,
                  "its removal of key " + Value.format(key)));
          // a key put again while the clear runs may be removed again: ConcurrentSkipListMap's
          // clear takes the first entry until there is none, ConcurrentHashMap's restarts after a
          // resize
          for (int again = insertions(key, op, operations); again > 0; again--) {
            parts.add(
                op.part(
                    REMOVE_AGAIN,
                    Arrays.asList(key),
                    result == null ? null : NULL,
                    "its removal of key " + Value.format(key) + " put again"));
          }
        }
      } else if (op.name().startsWith("poll")) {
        if (result == null) {
          // still running: it may remove any entry, once
          parts.add(op.part(POLL_ANY, List.of(), null, "its removal of some entry"));
          whole = true;
        } else if (result.value() == null) {
          // an empty map seen at one point: atomic
          parts.add(op);
          whole = true;
        } else {
          List<?> entry = (List<?>) result.value();
          boolean first = op.name().equals("pollFirstEntry");
          parts.add(
              op.part(
                  POLL_FIND,
                  Arrays.asList(entry.get(0), first),
                  TRUE,
                  "its search, finding key " + Value.format(entry.get(0)) + (first ? " first" : " last")));
          parts.add(
              op.part(
                  POLL_REMOVE,
                  Arrays.asList(entry.get(0), entry.get(1)),
                  TRUE,
                  "its removal of key " + Value.format(entry.get(0))));
          whole = true;
        }
      } else if (result == null) {
        // a read that never returned changed nothing and showed nothing
        continue;
      } else if (op.name().equals("size") || op.name().equals("isEmpty")) {
        counts.add(count(op, operations, universe.size()));
      } else {
        whole |= reads(op, universe, parts);
      }
    }
    for (Operation op : parts) {
      if (op.arity() > 0 && !MapModel.isWholeMap(op.name()) && op.arg(0) != null) {
        mixedKeys |= keyType != null && keyType != op.arg(0).getClass();
        keyType = op.arg(0).getClass();
      }
    }
    Map<Object, List<Operation>> split = new LinkedHashMap<>();
    if (whole || (mixedKeys && strict.contract().navigable())) {
      List<Operation> all = new ArrayList<>(parts);
      all.addAll(counts);
      if (!all.isEmpty()) {
        split.put(WHOLE, all);
      }
      return split;
    }
    for (Operation op : parts) {
      split.computeIfAbsent(op.arg(0), k -> new ArrayList<>()).add(op);
    }
    for (Operation op : counts) {
      split.put(new CountPart(op.whole()), List.of(op));
    }
    return split;
  }

  /**
   * Adds the parts of a completed traversal, one read per key of {@code universe}; returns whether
   * they are tied together.
   */
  private static boolean reads(Operation op, Set<Object> universe, List<Operation> parts) {
    Object returned = op.result().value();
    switch (op.name()) {
      case "keySet":
      case "entrySet":
        {
          boolean entries = op.name().equals("entrySet");
          Map<Object, Integer> times = new LinkedHashMap<>();
          Map<Object, Object> seen = new LinkedHashMap<>();
          for (Object element : (List<?>) returned) {
            Object key = entries ? ((List<?>) element).get(0) : element;
            times.merge(key, 1, Integer::sum);
            if (entries) {
              seen.put(key, Arrays.asList(((List<?>) element).get(1)));
            }
          }
          for (Object key : universe) {
            int n = times.getOrDefault(key, 0);
            Result read;
            if (n > 1) {
              read = TWICE;
            } else if (entries) {
              read = Result.value(n == 1 ? seen.get(key) : null);
            } else {
              read = Result.value(n == 1);
            }
            parts.add(
                op.part(
                    entries ? ENTRY_READ : KEY_READ,
                    Arrays.asList(key),
                    read,
                    "its read of key " + Value.format(key)));
          }
          return false;
        }
      case "values":
        {
          List<?> found = (List<?>) returned;
          for (Object key : universe) {
            if (found.isEmpty()) {
              parts.add(op.part(KEY_READ, Arrays.asList(key), FALSE, "its read of key " + Value.format(key)));
            } else {
              parts.add(
                  op.part(
                      VALUE_READ,
                      Arrays.asList(key, Value.sorted(found), (long) universe.size()),
                      TRUE,
                      "its read of key " + Value.format(key)));
            }
          }
          // a value read that finds no key is out of any state: one read of a key no call names
          if (universe.isEmpty() && !found.isEmpty()) {
            parts.add(op.part(KEY_READ, Arrays.asList(0L), TWICE, "its read of a value no key holds"));
          }
          return !found.isEmpty();
        }
      default:
        {
          // containsValue(v)
          Object value = op.arg(0);
          boolean contains = Boolean.TRUE.equals(returned);
          for (Object key : universe) {
            if (contains) {
              parts.add(
                  op.part(
                      CONTAINS_READ,
                      Arrays.asList(key, Collections.singletonList(value), (long) universe.size()),
                      TRUE,
                      "its read of key " + Value.format(key)));
            } else {
              parts.add(
                  op.part(
                      OTHER_VALUE_READ,
                      Arrays.asList(key, value),
                      TRUE,
                      "its read of key " + Value.format(key)));
            }
          }
          if (contains && universe.isEmpty()) {
            parts.add(op.part(KEY_READ, Arrays.asList(0L), TWICE, "its read of a value no key holds"));
          }
          return contains;
        }
    }
  }

  /** How many calls other than {@code clear} may put {@code key} while {@code clear} runs. */
  private static int insertions(Object key, Operation clear, List<Operation> operations) {
    int n = 0;
    for (Operation op : operations) {
      boolean overlaps =
          op != clear
              && op.invokedAt() < (clear.respondedAt() < 0 ? Integer.MAX_VALUE : clear.respondedAt())
              && (op.respondedAt() < 0 || op.respondedAt() > clear.invokedAt());
      if (overlaps && change(op, 1)[1] > 0) {
        Set<Object> keys = new TreeSet<>(Value.ORDER);
        keys(op, keys);
        n += keys.contains(key) ? 1 : 0;
      }
    }
    return n;
  }

  /** The count part of a completed {@code size} or {@code isEmpty}: the bounds its result must fit. */
  private static Operation count(Operation counted, List<Operation> operations, int keys) {
    long low = 0;
    long high = 0;
    for (Operation op : operations) {
      if (op == counted || op.invokedAt() > counted.respondedAt()) {
        continue;
      }
      // a clear can remove more entries than there are keys when others put them again meanwhile
      long[] change = change(op, keys + operations.size());
      if (op.respondedAt() >= 0 && op.respondedAt() < counted.invokedAt()) {
        low += change[0];
        high += change[1];
      } else {
        low += Math.min(0, change[0]);
        high += Math.max(0, change[1]);
      }
    }
    low = Math.max(0, low);
    high = Math.max(0, high);
    boolean size = counted.name().equals("size");
    return counted.part(
        size ? SIZE_COUNT : EMPTY_COUNT,
        Arrays.asList(low, high),
        counted.result(),
        "counted against the calls before and during it ("
            + (low == high ? "exactly " + low : "between " + low + " and " + high)
            + " entries)");
  }

  /**
   * By how many entries an operation can change the map, given what it returned: {@code [least,
   * most]}. A pending one may have done anything its kind of call does, or nothing.
   */
  private static long[] change(Operation op, int keys) {
    Result result = op.result();
    boolean pending = result == null;
    if (!pending && result.isException() && !op.name().equals("putAll")) {
      return new long[] {0, 0};
    }
    Object value = pending || result.isException() ? null : result.value();
    switch (op.name()) {
      case "put":
      case "putIfAbsent":
        return pending ? new long[] {0, 1} : value == null ? new long[] {1, 1} : new long[] {0, 0};
      case "remove":
        if (op.arity() == 2) {
          return pending
              ? new long[] {-1, 0}
              : Boolean.TRUE.equals(value) ? new long[] {-1, -1} : new long[] {0, 0};
        }
        return pending ? new long[] {-1, 0} : value != null ? new long[] {-1, -1} : new long[] {0, 0};
      case "pollFirstEntry":
      case "pollLastEntry":
        return pending ? new long[] {-1, 0} : value != null ? new long[] {-1, -1} : new long[] {0, 0};
      case "computeIfAbsent":
        return pending || value != null ? new long[] {0, 1} : new long[] {0, 0};
      case "computeIfPresent":
        return pending || value == null ? new long[] {-1, 0} : new long[] {0, 0};
      case "compute":
      case "merge":
        return pending ? new long[] {-1, 1} : value == null ? new long[] {-1, 0} : new long[] {0, 1};
      case "putAll":
        return new long[] {0, op.arg(0) instanceof List<?> ? ((List<?>) op.arg(0)).size() : keys};
      case "clear":
        // it may remove a key again that another call put again while it ran
        return new long[] {-keys, 0};
      case "replace":
      case "get":
      case "containsKey":
      case "containsValue":
      case "getOrDefault":
      case "size":
      case "isEmpty":
      case "keySet":
      case "values":
      case "entrySet":
      case "firstKey":
      case "lastKey":
      case "floorKey":
      case "ceilingKey":
      case "lowerKey":
      case "higherKey":
        return new long[] {0, 0};
      default:
        return new long[] {-keys, keys};
    }
  }

  /** Adds the keys {@code op} names or returns to {@code universe}. */
  private static void keys(Operation op, Set<Object> universe) {
    switch (op.name()) {
      case "putAll":
        if (op.arg(0) instanceof List<?>) {
          for (Object pair : (List<?>) op.arg(0)) {
            universe.add(((List<?>) pair).get(0));
          }
        }
        return;
      case "containsValue":
      case "size":
      case "isEmpty":
      case "clear":
      case "values":
      case "firstKey":
      case "lastKey":
        break;
      default:
        if (op.arity() > 0 && op.arg(0) != null) {
          universe.add(op.arg(0));
        }
    }
    Result result = op.result();
    if (result == null || result.isException() || result.value() == null) {
      return;
    }
    Object value = result.value();
    switch (op.name()) {
      case "keySet":
        universe.addAll((List<?>) value);
        break;
      case "entrySet":
        for (Object pair : (List<?>) value) {
          universe.add(((List<?>) pair).get(0));
        }
        break;
      case "pollFirstEntry":
      case "pollLastEntry":
        universe.add(((List<?>) value).get(0));
        break;
      case "firstKey":
      case "lastKey":
      case "floorKey":
      case "ceilingKey":
      case "lowerKey":
      case "higherKey":
        universe.add(value);
        break;
      default:
        break;
    }
  }
}
