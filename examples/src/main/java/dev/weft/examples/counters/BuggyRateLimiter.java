package dev.weft.examples.counters;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A fixed-window rate limiter: each client may make {@code permitsPerWindow} requests until the next
 * {@link #startNewWindow()}. <strong>Buggy on purpose</strong>: entry 2 of the catalogue.
 *
 * <p><b>The bug.</b> With one permit left, two requests of the same client that arrive together can
 * both be admitted: the limit is exceeded, and the stored count even ends one too low.
 *
 * <p><b>Why.</b> {@link #tryAcquire} reads the count with {@code get}, compares it with the limit and
 * writes it back with {@code put}: three steps, each atomic, the whole not. Both threads read the same
 * count, both see room, both write the same incremented count.
 *
 * <p><b>The fix.</b> {@link RateLimiter}: the read, the comparison and the write in one {@code
 * compute} call, which {@link ConcurrentHashMap} runs atomically per key.
 *
 * <p>Concurrency contract: safe for one thread at a time only.
 */
public final class BuggyRateLimiter implements Limiter {

    private final int permitsPerWindow;
    private final ConcurrentMap<String, Integer> usedByClient = new ConcurrentHashMap<>();

    /** A limiter that admits {@code permitsPerWindow} requests per client and window. */
    public BuggyRateLimiter(int permitsPerWindow) {
        if (permitsPerWindow < 1) {
            throw new IllegalArgumentException("permitsPerWindow must be at least 1, was " + permitsPerWindow);
        }
        this.permitsPerWindow = permitsPerWindow;
    }

    /** Takes one permit of {@code client}'s window; returns {@code false} if none is left. */
    public boolean tryAcquire(String client) {
        Integer used = usedByClient.get(Objects.requireNonNull(client, "client"));
        int alreadyUsed = used == null ? 0 : used;
        if (alreadyUsed >= permitsPerWindow) {
            return false;
        }
        usedByClient.put(client, alreadyUsed + 1);
        return true;
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
