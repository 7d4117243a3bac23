package dev.weft.examples.caught;

import dev.weft.examples.catalogue.CounterStoreContract;
import dev.weft.examples.counters.BuggyCounterStore;
import dev.weft.examples.counters.Counters;

/** {@code BuggyCounterStore} under {@link CounterStoreContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyCounterStoreTest extends CounterStoreContract {

    @Override
    protected Counters newStore() {
        return new BuggyCounterStore();
    }
}
