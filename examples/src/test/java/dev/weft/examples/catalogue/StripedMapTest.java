package dev.weft.examples.catalogue;

import dev.weft.examples.striped.StripedMap;
import java.util.concurrent.ConcurrentMap;

/** {@code StripedMap} under {@link StripedMapContract}: the fix passes every test. */
class StripedMapTest extends StripedMapContract {

    @Override
    protected ConcurrentMap<Integer, Integer> newMap(int stripes) {
        return new StripedMap<>(stripes);
    }
}
