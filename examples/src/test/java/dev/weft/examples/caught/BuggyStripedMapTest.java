package dev.weft.examples.caught;

import dev.weft.examples.catalogue.StripedMapContract;
import dev.weft.examples.striped.BuggyStripedMap;
import java.util.concurrent.ConcurrentMap;

/** {@code BuggyStripedMap} under {@link StripedMapContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyStripedMapTest extends StripedMapContract {

    @Override
    protected ConcurrentMap<Integer, Integer> newMap(int stripes) {
        return new BuggyStripedMap<>(stripes);
    }
}
