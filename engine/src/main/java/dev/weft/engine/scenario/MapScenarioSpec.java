package dev.weft.engine.scenario;

import dev.weft.api.MapOperation;
import dev.weft.models.model.MapContract;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The resolved {@code @MapScenario} of a map-form test: what its scenarios draw from. Immutable.
 *
 * @param mapType the declared return type of the test method
 * @param keys the keys, not empty
 * @param values the values, not empty
 * @param operations the operations, not empty, each supported by {@code mapType}
 * @param defaultOperations whether {@code operations} are the defaults of {@code mapType} ({@code
 *     @MapScenario} names none): those a JDK map documents as not atomic are then checked by its documented
 *     contract ({@link JdkMapContract}); operations the test names are checked for atomicity
 */
public record MapScenarioSpec(Class<?> mapType, List<Integer> keys, List<Integer> values,
        List<MapOperation> operations, boolean defaultOperations) {

    /** A spec whose operations the test names. */
    public MapScenarioSpec(Class<?> mapType, List<Integer> keys, List<Integer> values, List<MapOperation> operations) {
        this(mapType, keys, values, operations, false);
    }

    /** Copies the lists and checks they are not empty. */
    public MapScenarioSpec {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
        operations = List.copyOf(operations);
        if (keys.isEmpty() || values.isEmpty() || operations.isEmpty()) {
            throw new IllegalArgumentException("keys, values and operations must not be empty");
        }
    }

    /** The contract whose sequential model judges this spec's scenarios: the one {@link #mapType} promises. */
    public MapContract contract() {
        return contractOf(mapType);
    }

    /**
     * The contract a map type promises: {@code navigable-map} for a {@link NavigableMap}, {@code
     * concurrent-map} for a {@link ConcurrentMap}, {@code map} for any other map.
     */
    public static MapContract contractOf(Class<?> mapType) {
        if (NavigableMap.class.isAssignableFrom(mapType)) {
            return MapContract.NAVIGABLE_MAP;
        }
        if (ConcurrentMap.class.isAssignableFrom(mapType)) {
            return MapContract.CONCURRENT_MAP;
        }
        return MapContract.MAP;
    }

    /** Whether some operation reads or writes more than one key (no key-by-key checking then). */
    public boolean hasWholeMapOperation() {
        return operations.stream().anyMatch(MapOperation::isWholeMap);
    }
}
