package dev.weft.examples.catalogue;

import dev.weft.examples.counters.CounterStore;
import dev.weft.examples.counters.Counters;

/** {@code CounterStore} under {@link CounterStoreContract}: the fix passes every test. */
class CounterStoreTest extends CounterStoreContract {

    @Override
    protected Counters newStore() {
        return new CounterStore();
    }
}
