package dev.weft.examples.counters;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Named event counters that any number of threads update: the fix of {@link BuggyCounterStore}
 * (entry 2 of the catalogue).
 *
 * <p>Every method is a single atomic {@link ConcurrentMap} call: {@link #register} is {@code
 * putIfAbsent}, {@link #increment} is {@code merge(name, 1L, Long::sum)}, which {@link
 * ConcurrentHashMap} runs under the lock of the key's bin. No increment is lost and exactly one of
 * several racing {@code register} calls returns {@code true}.
 *
 * <p>Concurrency contract: safe for any number of threads; each method is linearizable. Limits: calls
 * on the same counter serialize on one bin lock, so a single very hot counter scales no better than a
 * lock (a {@link java.util.concurrent.atomic.LongAdder} per counter scales further, at the price of a
 * non-atomic read).
 */
public final class CounterStore implements Counters {

    private final ConcurrentMap<String, Long> counts = new ConcurrentHashMap<>();

    /** Creates the counter at zero; returns {@code true} if this call created it. */
    public boolean register(String name) {
        return counts.putIfAbsent(Objects.requireNonNull(name, "name"), 0L) == null;
    }

    /** Adds one to the counter, creating it if absent; returns the new count. */
    public long increment(String name) {
        return counts.merge(Objects.requireNonNull(name, "name"), 1L, Long::sum);
    }

    /** The current count, zero for an unknown counter. */
    public long count(String name) {
        return counts.getOrDefault(Objects.requireNonNull(name, "name"), 0L);
    }
}
