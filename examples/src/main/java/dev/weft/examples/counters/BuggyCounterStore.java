package dev.weft.examples.counters;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Named event counters on a {@link ConcurrentHashMap}, composed from atomic calls into non-atomic
 * steps. <strong>Buggy on purpose</strong>: entry 2 of the catalogue.
 *
 * <p><b>The bug.</b> Two threads that {@link #increment} the same counter at once can both read 4 and
 * both write 5: one increment is lost. Two threads that {@link #register} the same name can both be
 * told they created it, and the second one's reset to zero erases the first one's increments.
 *
 * <p><b>Why.</b> Each call on a {@code ConcurrentHashMap} is atomic, but a sequence of calls is not:
 * between {@code get} and {@code put} (or {@code containsKey} and {@code put}) another thread may run
 * the same sequence. The map is thread-safe; the check-then-act built on it is not.
 *
 * <p><b>The fix.</b> {@link CounterStore}: one atomic call per step — {@code merge(name, 1L, Long::sum)}
 * for the increment, {@code putIfAbsent} for the registration.
 *
 * <p>Concurrency contract: each method is safe to call from one thread at a time only.
 */
public final class BuggyCounterStore implements Counters {

    private final ConcurrentMap<String, Long> counts = new ConcurrentHashMap<>();

    /** Creates the counter at zero; returns {@code true} if this call created it. */
    public boolean register(String name) {
        Objects.requireNonNull(name, "name");
        if (counts.containsKey(name)) {
            return false;
        }
        counts.put(name, 0L);
        return true;
    }

    /** Adds one to the counter, creating it if absent; returns the new count. */
    public long increment(String name) {
        Long current = counts.get(Objects.requireNonNull(name, "name"));
        long next = current == null ? 1 : current + 1;
        counts.put(name, next);
        return next;
    }

    /** The current count, zero for an unknown counter. */
    public long count(String name) {
        return counts.getOrDefault(Objects.requireNonNull(name, "name"), 0L);
    }
}
