package dev.weft.examples.counters;

/**
 * A per-client allowance of requests per window (entry 2 of the catalogue): {@link BuggyRateLimiter} and
 * its fix {@link RateLimiter} both implement it, so that one contract test runs both.
 */
public interface Limiter {

    /** Takes one permit of {@code client}'s window; returns {@code false} if none is left. */
    boolean tryAcquire(String client);

    /** Permits {@code client} has used in the current window. */
    int used(String client);

    /** Starts a new window: every client gets its full allowance back. */
    void startNewWindow();
}
