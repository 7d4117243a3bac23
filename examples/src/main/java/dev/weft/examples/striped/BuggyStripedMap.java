package dev.weft.examples.striped;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A striped {@link java.util.concurrent.ConcurrentMap} whose whole-map operations visit the stripes one
 * lock at a time. <strong>Buggy on purpose</strong>: entry 5 of the catalogue.
 *
 * <p><b>The bug.</b> With key {@code a} in stripe 0 and key {@code b} in stripe 1, and the map holding
 * {@code {b}}: a thread that moves the entry — {@code put(a)}, then {@code remove(b)} — while {@link
 * #size()} runs can make it return 0, although the map was never empty ({@code size} counted stripe 0
 * before the put and stripe 1 after the remove). Likewise {@link #clear()}: a {@code put(a)} that lands
 * after {@code clear} passed stripe 0, followed by a {@code put(b)} that lands before it reaches stripe
 * 1, leaves {@code {a}} — the later put removed, the earlier one kept; no order of the three calls
 * explains that.
 *
 * <p><b>Why.</b> Each stripe is consistent under its own lock, but the whole-map operations read or
 * write the stripes at different moments; between two stripes, other threads change the map. The
 * result is not linearizable: no single instant explains it.
 *
 * <p><b>The fix.</b> {@link StripedMap}: take every stripe lock, always in ascending stripe order (so
 * two whole-map operations cannot deadlock each other), then read or write, then release.
 *
 * <p>Concurrency contract: single-key operations are linearizable (see {@link AbstractStripedMap});
 * {@code size}, {@code isEmpty}, {@code clear}, {@code putAll}, {@code containsValue} and {@code
 * entrySet} are not. Views are snapshots and do not write through.
 */
public final class BuggyStripedMap<K, V> extends AbstractStripedMap<K, V> {

    /** An empty map with {@code stripeCount} stripes. */
    public BuggyStripedMap(int stripeCount) {
        super(stripeCount);
    }

    @Override
    public int size() {
        int size = 0;
        for (int i = 0; i < stripes.length; i++) {
            locks[i].lock();
            try {
                size += stripes[i].size();
            } finally {
                locks[i].unlock();
            }
        }
        return size;
    }

    @Override
    public void clear() {
        for (int i = 0; i < stripes.length; i++) {
            locks[i].lock();
            try {
                stripes[i].clear();
            } finally {
                locks[i].unlock();
            }
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        requireNoNulls(entries);
        entries.forEach(this::put);
    }

    @Override
    public boolean containsValue(Object value) {
        for (int i = 0; i < stripes.length; i++) {
            locks[i].lock();
            try {
                if (stripes[i].containsValue(value)) {
                    return true;
                }
            } finally {
                locks[i].unlock();
            }
        }
        return false;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> snapshot = new HashSet<>();
        for (int i = 0; i < stripes.length; i++) {
            locks[i].lock();
            try {
                stripes[i].forEach((key, value) -> snapshot.add(new SimpleImmutableEntry<>(key, value)));
            } finally {
                locks[i].unlock();
            }
        }
        return snapshot;
    }
}
