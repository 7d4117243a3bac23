package dev.weft.examples.striped;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A striped {@link java.util.concurrent.ConcurrentMap}: keys are spread over a fixed number of plain
 * hash maps, each with its own lock, so threads that touch different stripes do not wait for each
 * other. The fix of {@link BuggyStripedMap} (entry 5 of the catalogue).
 *
 * <p>Whole-map operations ({@link #size()}, {@link #isEmpty()}, {@link #clear()}, {@link #putAll},
 * {@link #containsValue}, {@link #entrySet()}) take every stripe lock in ascending stripe order before
 * touching any stripe and release them all afterwards. The order matters: two whole-map operations
 * that locked in different orders could deadlock; single-key operations hold one lock only, so they
 * cannot take part in a cycle.
 *
 * <p>Concurrency contract: safe for any number of threads; every operation is linearizable. Limits:
 * a whole-map operation stops every writer and reader until it ends, so its cost grows with the number
 * of stripes and entries; functions passed to {@code compute}, {@code merge} and the like run under a
 * stripe lock and must not touch this map; {@code null} keys and values are rejected; {@link
 * #entrySet()}, {@code keySet()} and {@code values()} are snapshots that do not write through; there is
 * no resizing of the stripe array.
 */
public final class StripedMap<K, V> extends AbstractStripedMap<K, V> {

    /** An empty map with {@code stripeCount} stripes. */
    public StripedMap(int stripeCount) {
        super(stripeCount);
    }

    private <R> R underAllLocks(Supplier<R> action) {
        int locked = 0;
        try {
            for (; locked < locks.length; locked++) {
                locks[locked].lock();
            }
            return action.get();
        } finally {
            while (--locked >= 0) {
                locks[locked].unlock();
            }
        }
    }

    @Override
    public int size() {
        return underAllLocks(() -> {
            int size = 0;
            for (var stripe : stripes) {
                size += stripe.size();
            }
            return size;
        });
    }

    @Override
    public void clear() {
        underAllLocks(() -> {
            for (var stripe : stripes) {
                stripe.clear();
            }
            return null;
        });
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        requireNoNulls(entries);
        underAllLocks(() -> {
            entries.forEach((key, value) -> stripes[stripeOf(key)].put(key, value));
            return null;
        });
    }

    @Override
    public boolean containsValue(Object value) {
        return underAllLocks(() -> {
            for (var stripe : stripes) {
                if (stripe.containsValue(value)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return underAllLocks(() -> {
            Set<Map.Entry<K, V>> snapshot = new HashSet<>();
            for (var stripe : stripes) {
                stripe.forEach((key, value) -> snapshot.add(new SimpleImmutableEntry<>(key, value)));
            }
            return snapshot;
        });
    }
}
