package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.counters.Limiter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry 2, continued: a rate limiter admits no more requests than its allowance, however many arrive at
 * once. The buggy variant reads, checks and writes back; the fix does it in one atomic update.
 */
public abstract class RateLimiterContract {

    /** A new limiter admitting {@code permitsPerWindow} requests per client and window. */
    protected abstract Limiter newLimiter(int permitsPerWindow);

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void concurrentRequests_admitNoMoreThanTheAllowance() throws Exception {
        Limiter limiter = newLimiter(1);
        AtomicInteger admitted = new AtomicInteger();
        runConcurrently(() -> {
            if (limiter.tryAcquire("c")) {
                admitted.incrementAndGet();
            }
        }, () -> {
            if (limiter.tryAcquire("c")) {
                admitted.incrementAndGet();
            }
        });
        check(admitted.get() == 1, "admitted " + admitted.get() + " requests with an allowance of 1");
    }
}
