package demo;

import dev.weft.api.ConcurrencyTest;
import java.util.concurrent.atomic.AtomicInteger;

/** Two correct programs, each explored far longer than anyone would wait: only a cancellation ends them. */
class LongExplorations {

    @ConcurrencyTest(schedules = 10_000_000, timeBudget = "0")
    void first() throws InterruptedException {
        AtomicInteger counter = new AtomicInteger();
        Thread other = new Thread(counter::incrementAndGet);
        other.start();
        counter.incrementAndGet();
        other.join();
        if (counter.get() != 2) {
            throw new AssertionError("lost update: " + counter.get());
        }
    }

    @ConcurrencyTest(schedules = 10_000_000, timeBudget = "0")
    void second() throws InterruptedException {
        first();
    }
}
