package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.counters.Counters;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry 2: counters that threads increment and register at once count every increment and have one
 * creator. The buggy variant checks, then acts (get-then-put, containsKey-then-put); the fix uses the
 * map's atomic operations.
 */
public abstract class CounterStoreContract {

    /** A new store without counters. */
    protected abstract Counters newStore();

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void concurrentIncrements_countEveryOne() throws Exception {
        Counters counters = newStore();
        counters.register("hits");
        runConcurrently(() -> counters.increment("hits"), () -> counters.increment("hits"));
        check(counters.count("hits") == 2, "lost an increment: count = " + counters.count("hits"));
    }

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void concurrentRegistrations_haveOneWinner() throws Exception {
        Counters counters = newStore();
        AtomicInteger winners = new AtomicInteger();
        runConcurrently(() -> {
            if (counters.register("hits")) {
                winners.incrementAndGet();
            }
        }, () -> {
            if (counters.register("hits")) {
                winners.incrementAndGet();
            }
        });
        check(winners.get() == 1, "both threads registered the counter: winners = " + winners.get());
    }
}
