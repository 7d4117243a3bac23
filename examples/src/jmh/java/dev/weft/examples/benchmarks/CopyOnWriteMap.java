package dev.weft.examples.benchmarks;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot in a {@code volatile} field, replaced by a copy on every write, as in {@link
 * dev.weft.examples.cacherefresh.PriceCache}: reads never block, writes copy the whole map under one
 * lock. Only what the benchmark calls is here.
 *
 * <p>Concurrency contract: safe for any number of threads; every method is linearizable.
 */
final class CopyOnWriteMap<K, V> extends AbstractMap<K, V> {

    private final Object writerLock = new Object();
    private volatile Map<K, V> snapshot = Map.of();

    @Override
    public V get(Object key) {
        return snapshot.get(key);
    }

    @Override
    public V put(K key, V value) {
        synchronized (writerLock) {
            Map<K, V> next = new HashMap<>(snapshot);
            V previous = next.put(key, value);
            snapshot = Map.copyOf(next);
            return previous;
        }
    }

    @Override
    public V remove(Object key) {
        synchronized (writerLock) {
            Map<K, V> next = new HashMap<>(snapshot);
            V previous = next.remove(key);
            snapshot = Map.copyOf(next);
            return previous;
        }
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return snapshot.entrySet();
    }
}
