package dev.weft.api;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The map operations Weft generates in map-form scenarios, one per method of the built-in map models.
 *
 * <p>Keys and values are drawn from {@link MapScenario#keys()} and {@link MapScenario#values()}. Where
 * an operation takes a function, the function is fixed so that a scenario prints and replays exactly;
 * its Javadoc gives the call Weft makes, with {@code k}, {@code v} and {@code w} drawn keys and values.
 *
 * <p>Each operation knows the interface that declares its method ({@link #declaringType()}: a returned
 * map type that does not implement it cannot run the operation), the interface whose contract makes it
 * atomic ({@link #contractType()}: the default operations of a returned type are those whose contract
 * type it implements) and whether it reads or writes more than one key ({@link #isWholeMap()}).
 */
public enum MapOperation {

    /** {@code map.put(k, v)}. */
    PUT("put", Shape.KEY_VALUE, Map.class, Map.class, false),
    /** {@code map.get(k)}. */
    GET("get", Shape.KEY, Map.class, Map.class, false),
    /** {@code map.remove(k)}. */
    REMOVE("remove", Shape.KEY, Map.class, Map.class, false),
    /** {@code map.containsKey(k)}. */
    CONTAINS_KEY("containsKey", Shape.KEY, Map.class, Map.class, false),
    /** {@code map.containsValue(v)}. */
    CONTAINS_VALUE("containsValue", Shape.VALUE, Map.class, Map.class, true),
    /** {@code map.size()}. */
    SIZE("size", Shape.NONE, Map.class, Map.class, true),
    /** {@code map.isEmpty()}. */
    IS_EMPTY("isEmpty", Shape.NONE, Map.class, Map.class, true),
    /** {@code map.clear()}. */
    CLEAR("clear", Shape.NONE, Map.class, Map.class, true),
    /** {@code map.getOrDefault(k, v)}. */
    GET_OR_DEFAULT("getOrDefault", Shape.KEY_VALUE, Map.class, Map.class, false),
    /** {@code map.putAll(Map.of(k, v, k2, v2))} with two distinct keys, or {@code Map.of(k, v)} when there is one key. */
    PUT_ALL("putAll", Shape.ENTRIES, Map.class, Map.class, true),
    /** {@code map.putIfAbsent(k, v)}. */
    PUT_IF_ABSENT("putIfAbsent", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.remove(k, v)}. */
    REMOVE_IF_EQUALS("remove", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.replace(k, v)}. */
    REPLACE("replace", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.replace(k, v, w)}. */
    REPLACE_IF_EQUALS("replace", Shape.KEY_VALUE_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.computeIfAbsent(k, key -> v)}. */
    COMPUTE_IF_ABSENT("computeIfAbsent", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.computeIfPresent(k, (key, old) -> old + v)}. */
    COMPUTE_IF_PRESENT("computeIfPresent", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.compute(k, (key, old) -> old == null ? v : old + v)}. */
    COMPUTE("compute", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.merge(k, v, Integer::sum)}. */
    MERGE("merge", Shape.KEY_VALUE, Map.class, ConcurrentMap.class, false),
    /** {@code map.firstKey()}; throws {@link java.util.NoSuchElementException} on an empty map. */
    FIRST_KEY("firstKey", Shape.NONE, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.lastKey()}; throws {@link java.util.NoSuchElementException} on an empty map. */
    LAST_KEY("lastKey", Shape.NONE, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.floorKey(k)}. */
    FLOOR_KEY("floorKey", Shape.KEY, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.ceilingKey(k)}. */
    CEILING_KEY("ceilingKey", Shape.KEY, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.lowerKey(k)}. */
    LOWER_KEY("lowerKey", Shape.KEY, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.higherKey(k)}. */
    HIGHER_KEY("higherKey", Shape.KEY, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.pollFirstEntry()}; the result is an immutable copy of the entry. */
    POLL_FIRST_ENTRY("pollFirstEntry", Shape.NONE, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.pollLastEntry()}; the result is an immutable copy of the entry. */
    POLL_LAST_ENTRY("pollLastEntry", Shape.NONE, NavigableMap.class, NavigableMap.class, true),
    /** {@code map.keySet()} copied by iteration; the result is the keys in ascending order. */
    KEY_SET("keySet", Shape.NONE, Map.class, Map.class, true),
    /** {@code map.values()} copied by iteration; the result is the values in ascending order. */
    VALUES("values", Shape.NONE, Map.class, Map.class, true),
    /** {@code map.entrySet()} copied by iteration; the result is the entries in ascending key order. */
    ENTRY_SET("entrySet", Shape.NONE, Map.class, Map.class, true);

    /** The arguments an operation takes, drawn from the scenario's keys and values. */
    public enum Shape {
        /** No argument. */
        NONE,
        /** One key. */
        KEY,
        /** One value. */
        VALUE,
        /** A key and a value. */
        KEY_VALUE,
        /** A key and two values (expected, then new). */
        KEY_VALUE_VALUE,
        /** One or two entries (a key and a value each, distinct keys). */
        ENTRIES
    }

    private final String methodName;
    private final Shape shape;
    private final Class<?> declaringType;
    private final Class<?> contractType;
    private final boolean wholeMap;

    MapOperation(String methodName, Shape shape, Class<?> declaringType, Class<?> contractType,
            boolean wholeMap) {
        this.methodName = methodName;
        this.shape = shape;
        this.declaringType = declaringType;
        this.contractType = contractType;
        this.wholeMap = wholeMap;
    }

    /** The name of the map method this operation calls, as printed in reports: {@code "put"}. */
    public String methodName() {
        return methodName;
    }

    /** The arguments this operation takes. */
    public Shape shape() {
        return shape;
    }

    /** The interface that declares this operation's method: {@code Map} or {@code NavigableMap}. */
    public Class<?> declaringType() {
        return declaringType;
    }

    /**
     * The interface whose contract makes this operation atomic: {@code Map}, {@code ConcurrentMap} (the
     * conditional operations, which plain {@code Map} implements as check-then-act) or {@code
     * NavigableMap}.
     */
    public Class<?> contractType() {
        return contractType;
    }

    /** Whether the operation reads or writes more than one key, which rules out checking key by key. */
    public boolean isWholeMap() {
        return wholeMap;
    }

    /** Whether a map of the given declared type can run this operation. */
    public boolean isSupportedBy(Class<?> mapType) {
        return declaringType.isAssignableFrom(mapType);
    }

    /** Whether this operation is among the default operations of the given declared map type. */
    public boolean isDefaultFor(Class<?> mapType) {
        return contractType.isAssignableFrom(mapType);
    }
}
