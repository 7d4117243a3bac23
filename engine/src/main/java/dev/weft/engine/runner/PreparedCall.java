package dev.weft.engine.runner;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.MapCall;
import dev.weft.scheduler.runtime.ManagedThreads;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a {@link MapCall} on a real map and captures what it returned or threw, without reflection:
 * a polled entry becomes an immutable copy, and {@code keySet}, {@code values} and {@code entrySet}
 * reads become lists in ascending order (a hash map's iteration order is not part of its contract).
 *
 * <p>The call's arguments are unpacked before the execution starts, so that running it
 * inside an execution touches the map and nothing else of the engine's: the trace shows the map's
 * accesses only, and no scheduling point falls in the engine's bookkeeping. The same prepared call
 * runs a scenario on real threads ({@link dev.weft.engine.stress.StressRun}).
 *
 * <p>Immutable; {@link #invoke(Map)} may run on several threads at once (on different maps or on one
 * shared map: that is the point).
 */
public final class PreparedCall implements ScenarioCall {

    private static final Comparator<Integer> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final MapCall call;
    private final String text;
    private final MapOperation operation;
    private final Integer a0;
    private final Integer a1;
    private final Integer a2;
    private final Map<Integer, Integer> entries;
    private final Function<Integer, Integer> constant;
    private final BiFunction<Integer, Integer, Integer> add;

    /** Prepares {@code call}. */
    public PreparedCall(MapCall call) {
        this.call = call;
        this.text = call.render();
        this.operation = call.operation();
        List<Integer> args = call.arguments();
        this.a0 = args.size() > 0 ? args.get(0) : null;
        this.a1 = args.size() > 1 ? args.get(1) : null;
        this.a2 = args.size() > 2 ? args.get(2) : null;
        this.entries = operation == MapOperation.PUT_ALL ? call.entries() : null;
        Integer amount = a1;
        this.constant = key -> amount;
        this.add = operation == MapOperation.COMPUTE
                ? (key, old) -> old == null ? amount : old + amount
                : (key, old) -> old + amount;
    }

    /** The call this runs. */
    public MapCall call() {
        return call;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CallResult invoke(Object target, Object testInstance) {
        return invoke((Map<Integer, Integer>) target);
    }

    /** Runs the call on the map; a runtime exception is a result, errors (the runtime's signals) propagate. */
    public CallResult invoke(Map<Integer, Integer> map) {
        try {
            return run(map);
        } catch (RuntimeException thrown) {
            return ManagedThreads.quietly(() -> CallResult.Threw.of(thrown));
        }
    }

    private CallResult run(Map<Integer, Integer> map) {
        Object value;
        switch (operation) {
            case PUT -> value = map.put(a0, a1);
            case GET -> value = map.get(a0);
            case REMOVE -> value = map.remove(a0);
            case CONTAINS_KEY -> value = map.containsKey(a0);
            case CONTAINS_VALUE -> value = map.containsValue(a0);
            case SIZE -> value = map.size();
            case IS_EMPTY -> value = map.isEmpty();
            case CLEAR -> {
                map.clear();
                return VOID;
            }
            case GET_OR_DEFAULT -> value = map.getOrDefault(a0, a1);
            case PUT_ALL -> {
                map.putAll(entries);
                return VOID;
            }
            case PUT_IF_ABSENT -> value = map.putIfAbsent(a0, a1);
            case REMOVE_IF_EQUALS -> value = map.remove(a0, a1);
            case REPLACE -> value = map.replace(a0, a1);
            case REPLACE_IF_EQUALS -> value = map.replace(a0, a1, a2);
            case COMPUTE_IF_ABSENT -> value = map.computeIfAbsent(a0, constant);
            case COMPUTE_IF_PRESENT -> value = map.computeIfPresent(a0, add);
            case COMPUTE -> value = map.compute(a0, add);
            case MERGE -> value = map.merge(a0, a1, Integer::sum);
            case FIRST_KEY -> value = navigable(map).firstKey();
            case LAST_KEY -> value = navigable(map).lastKey();
            case FLOOR_KEY -> value = navigable(map).floorKey(a0);
            case CEILING_KEY -> value = navigable(map).ceilingKey(a0);
            case LOWER_KEY -> value = navigable(map).lowerKey(a0);
            case HIGHER_KEY -> value = navigable(map).higherKey(a0);
            case POLL_FIRST_ENTRY -> value = entry(navigable(map).pollFirstEntry());
            case POLL_LAST_ENTRY -> value = entry(navigable(map).pollLastEntry());
            case KEY_SET -> value = sorted(map.keySet().toArray());
            case VALUES -> value = sorted(map.values().toArray());
            case ENTRY_SET -> value = entries(map.entrySet().toArray());
            default -> throw new AssertionError("unhandled map operation " + operation);
        }
        Object result = value;
        return ManagedThreads.quietly(() -> new CallResult.Returned(result));
    }

    private static final CallResult VOID = new CallResult.ReturnedVoid();

    @SuppressWarnings("unchecked")
    private static NavigableMap<Integer, Integer> navigable(Map<Integer, Integer> map) {
        return (NavigableMap<Integer, Integer>) map;
    }

    private static Object entry(Map.Entry<Integer, Integer> entry) {
        return entry == null ? null : ManagedThreads.quietly(() -> new SimpleImmutableEntry<>(entry.getKey(), entry.getValue()));
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object[] values) {
        return ManagedThreads.quietly(() -> {
            List<Integer> list = new ArrayList<>();
            for (Object value : values) {
                list.add((Integer) value);
            }
            list.sort(NULLS_FIRST);
            return Collections.unmodifiableList(list);
        });
    }

    @SuppressWarnings("unchecked")
    private static Object entries(Object[] values) {
        return ManagedThreads.quietly(() -> {
            List<Map.Entry<Integer, Integer>> list = new ArrayList<>();
            for (Object value : values) {
                Map.Entry<Integer, Integer> e = (Map.Entry<Integer, Integer>) value;
                list.add(new SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            }
            list.sort(Map.Entry.comparingByKey(NULLS_FIRST));
            return Collections.unmodifiableList(list);
        });
    }

    /** The operation and arguments as the checker's map models name them. */
    @Override
    public Object[] modelArguments() {
        return switch (operation) {
            case COMPUTE_IF_ABSENT -> new Object[] {a0, "const:" + a1};
            case COMPUTE_IF_PRESENT, COMPUTE -> new Object[] {a0, "add:" + a1};
            case MERGE -> new Object[] {a0, a1, "sum"};
            case PUT_ALL -> {
                List<Object> pairs = new ArrayList<>();
                entries.forEach((k, v) -> pairs.add(Arrays.asList(k, v)));
                yield new Object[] {pairs};
            }
            default -> call.arguments().toArray();
        };
    }

    @Override
    public String modelName() {
        return operation.methodName();
    }

    @Override
    public Object modelValue(Object value) {
        return mapModelValue(value);
    }

    /** A result as the checker's models write it: entries as {@code [key, value]} pairs. */
    static Object mapModelValue(Object value) {
        if (value instanceof Map.Entry<?, ?> entry) {
            return Arrays.asList(entry.getKey(), entry.getValue());
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map.Entry) {
            List<Object> pairs = new ArrayList<>();
            for (Object element : list) {
                pairs.add(mapModelValue(element));
            }
            return pairs;
        }
        return value;
    }
}
