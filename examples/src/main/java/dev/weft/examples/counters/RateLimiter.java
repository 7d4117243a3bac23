package dev.weft.examples.counters;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A fixed-window rate limiter that any number of request threads share: the fix of {@link
 * BuggyRateLimiter} (entry 2 of the catalogue).
 *
 * <p>{@link #tryAcquire} decides and records in one {@link ConcurrentMap#compute} call: the function
 * sees the current count and returns the next one while {@link ConcurrentHashMap} holds the key's bin
 * lock, so two racing requests cannot both take the last permit.
 *
 * <p>Concurrency contract: safe for any number of threads; {@code tryAcquire} is linearizable per
 * client. Limits: {@link #startNewWindow()} clears clients one bin at a time, so a request racing with
 * it may be counted in either window (never in both, never lost).
 */
public final class RateLimiter implements Limiter {

    private final int permitsPerWindow;
    private final ConcurrentMap<String, Integer> usedByClient = new ConcurrentHashMap<>();

    /** A limiter that admits {@code permitsPerWindow} requests per client and window. */
    public RateLimiter(int permitsPerWindow) {
        if (permitsPerWindow < 1) {
            throw new IllegalArgumentException("permitsPerWindow must be at least 1, was " + permitsPerWindow);
        }
        this.permitsPerWindow = permitsPerWindow;
    }

    /** Takes one permit of {@code client}'s window; returns {@code false} if none is left. */
    public boolean tryAcquire(String client) {
        boolean[] admitted = new boolean[1];
        usedByClient.compute(Objects.requireNonNull(client, "client"), (key, used) -> {
            int alreadyUsed = used == null ? 0 : used;
            admitted[0] = alreadyUsed < permitsPerWindow;
            return admitted[0] ? alreadyUsed + 1 : alreadyUsed;
        });
        return admitted[0];
    }

    /** Permits {@code client} has used in the current window. */
    public int used(String client) {
        return usedByClient.getOrDefault(Objects.requireNonNull(client, "client"), 0);
    }

    /** Starts a new window: every client gets its full allowance back. */
    public void startNewWindow() {
        usedByClient.clear();
    }
}
