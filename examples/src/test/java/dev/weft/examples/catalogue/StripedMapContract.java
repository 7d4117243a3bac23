package dev.weft.examples.catalogue;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import java.util.concurrent.ConcurrentMap;

/**
 * Entry 5: a striped map is linearizable, whole-map operations included. The buggy variant's {@code
 * size()} and {@code clear()} lock one stripe at a time; the fix takes every stripe's lock. (40 scenarios:
 * with this seed the buggy map is caught in the 30th.)
 */
public abstract class StripedMapContract {

    /** A new, empty map of {@code stripes} stripes. */
    protected abstract ConcurrentMap<Integer, Integer> newMap(int stripes);

    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 40, schedules = 150, seed = "1")
    @MapScenario(keys = {0, 1, 2, 3}, values = {1, 2},
            operations = {MapOperation.PUT, MapOperation.REMOVE, MapOperation.SIZE, MapOperation.CLEAR})
    ConcurrentMap<Integer, Integer> stripedMap() {
        return newMap(4);
    }
}
