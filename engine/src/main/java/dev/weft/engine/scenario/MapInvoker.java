package dev.weft.engine.scenario;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Runs a {@link MapCall} on a real map and captures what it returned or threw, without reflection.
 *
 * <p>Results are made comparable and stable to print: a polled entry becomes an immutable copy, and
 * the {@code keySet}, {@code values} and {@code entrySet} reads become lists in ascending order (the
 * iteration order of a hash map is not part of its contract). Only {@link RuntimeException}s are
 * captured as results: errors, including the runtime's own control signals, propagate.
 */
public final class MapInvoker {

    private static final Comparator<Integer> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private MapInvoker() {
    }

    /**
     * Runs the call on the map.
     *
     * @throws ClassCastException if the operation needs a {@code NavigableMap} and the map is not one;
     *     discovery rejects such tests before they run
     */
    public static CallResult invoke(Map<Integer, Integer> map, MapCall call) {
        try {
            return run(map, call);
        } catch (RuntimeException thrown) {
            if (thrown instanceof ClassCastException && call.operation().declaringType() == NavigableMap.class
                    && !(map instanceof NavigableMap)) {
                throw thrown;
            }
            return CallResult.Threw.of(thrown);
        }
    }

    private static CallResult run(Map<Integer, Integer> map, MapCall call) {
        switch (call.operation()) {
            case PUT:
                return value(map.put(call.argument(0), call.argument(1)));
            case GET:
                return value(map.get(call.argument(0)));
            case REMOVE:
                return value(map.remove(call.argument(0)));
            case CONTAINS_KEY:
                return value(map.containsKey(call.argument(0)));
            case CONTAINS_VALUE:
                return value(map.containsValue(call.argument(0)));
            case SIZE:
                return value(map.size());
            case IS_EMPTY:
                return value(map.isEmpty());
            case CLEAR:
                map.clear();
                return new CallResult.ReturnedVoid();
            case GET_OR_DEFAULT:
                return value(map.getOrDefault(call.argument(0), call.argument(1)));
            case PUT_ALL:
                map.putAll(call.entries());
                return new CallResult.ReturnedVoid();
            case PUT_IF_ABSENT:
                return value(map.putIfAbsent(call.argument(0), call.argument(1)));
            case REMOVE_IF_EQUALS:
                return value(map.remove(call.argument(0), call.argument(1)));
            case REPLACE:
                return value(map.replace(call.argument(0), call.argument(1)));
            case REPLACE_IF_EQUALS:
                return value(map.replace(call.argument(0), call.argument(1), call.argument(2)));
            case COMPUTE_IF_ABSENT: {
                Integer computed = call.argument(1);
                return value(map.computeIfAbsent(call.argument(0), key -> computed));
            }
            case COMPUTE_IF_PRESENT: {
                Integer added = call.argument(1);
                return value(map.computeIfPresent(call.argument(0), (key, old) -> old + added));
            }
            case COMPUTE: {
                Integer added = call.argument(1);
                return value(map.compute(call.argument(0), (key, old) -> old == null ? added : old + added));
            }
            case MERGE:
                return value(map.merge(call.argument(0), call.argument(1), Integer::sum));
            case FIRST_KEY:
                return value(navigable(map).firstKey());
            case LAST_KEY:
                return value(navigable(map).lastKey());
            case FLOOR_KEY:
                return value(navigable(map).floorKey(call.argument(0)));
            case CEILING_KEY:
                return value(navigable(map).ceilingKey(call.argument(0)));
            case LOWER_KEY:
                return value(navigable(map).lowerKey(call.argument(0)));
            case HIGHER_KEY:
                return value(navigable(map).higherKey(call.argument(0)));
            case POLL_FIRST_ENTRY:
                return value(copy(navigable(map).pollFirstEntry()));
            case POLL_LAST_ENTRY:
                return value(copy(navigable(map).pollLastEntry()));
            case KEY_SET:
                return value(sorted(new ArrayList<>(map.keySet())));
            case VALUES:
                return value(sorted(new ArrayList<>(map.values())));
            case ENTRY_SET: {
                List<Map.Entry<Integer, Integer>> entries = new ArrayList<>();
                for (Map.Entry<Integer, Integer> entry : map.entrySet()) {
                    entries.add(copy(entry));
                }
                entries.sort(Map.Entry.comparingByKey(NULLS_FIRST));
                return value(List.copyOf(entries));
            }
            default:
                throw new AssertionError("unhandled map operation " + call.operation());
        }
    }

    private static CallResult value(Object value) {
        return new CallResult.Returned(value);
    }

    private static NavigableMap<Integer, Integer> navigable(Map<Integer, Integer> map) {
        return (NavigableMap<Integer, Integer>) map;
    }

    private static Map.Entry<Integer, Integer> copy(Map.Entry<Integer, Integer> entry) {
        return entry == null ? null : new SimpleImmutableEntry<>(entry.getKey(), entry.getValue());
    }

    private static List<Integer> sorted(List<Integer> values) {
        values.sort(NULLS_FIRST);
        return Collections.unmodifiableList(values);
    }
}
