package dev.weft.examples.caught;

import dev.weft.examples.catalogue.RateLimiterContract;
import dev.weft.examples.counters.BuggyRateLimiter;
import dev.weft.examples.counters.Limiter;

/** {@code BuggyRateLimiter} under {@link RateLimiterContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyRateLimiterTest extends RateLimiterContract {

    @Override
    protected Limiter newLimiter(int permitsPerWindow) {
        return new BuggyRateLimiter(permitsPerWindow);
    }
}
