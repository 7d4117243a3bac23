package dev.weft.examples.benchmarks;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link HashMap} guarded by a {@link ReentrantReadWriteLock} with the discipline of {@link
 * dev.weft.examples.readwrite.RoutingTable}: reads under the read lock, writes under the write lock,
 * never an upgrade. Only what the benchmark calls is here; {@link #entrySet()} is a snapshot.
 *
 * <p>Concurrency contract: safe for any number of threads; {@code get}, {@code put}, {@code remove}
 * and {@code size} are linearizable.
 */
final class ReadWriteLockedMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> map = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public V get(Object key) {
        lock.readLock().lock();
        try {
            return map.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public V put(K key, V value) {
        lock.writeLock().lock();
        try {
            return map.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public V remove(Object key) {
        lock.writeLock().lock();
        try {
            return map.remove(key);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return map.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        lock.readLock().lock();
        try {
            return Set.copyOf(new HashMap<>(map).entrySet());
        } finally {
            lock.readLock().unlock();
        }
    }
}
