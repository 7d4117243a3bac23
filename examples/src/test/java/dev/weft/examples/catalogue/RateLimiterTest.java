package dev.weft.examples.catalogue;

import dev.weft.examples.counters.Limiter;
import dev.weft.examples.counters.RateLimiter;

/** {@code RateLimiter} under {@link RateLimiterContract}: the fix passes every test. */
class RateLimiterTest extends RateLimiterContract {

    @Override
    protected Limiter newLimiter(int permitsPerWindow) {
        return new RateLimiter(permitsPerWindow);
    }
}
