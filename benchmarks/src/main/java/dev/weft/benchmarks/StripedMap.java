package dev.weft.benchmarks;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A map split into stripes, each guarded by its own lock. Single-key operations are atomic. With
 * {@code atomicWholeMap = false}, {@code size()} and {@code clear()} lock one stripe at a time: a
 * concurrent {@code put} can be counted half, or survive a {@code clear()} that was "done".
 */
public final class StripedMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

    private final Map<K, V>[] stripes;
    private final ReentrantLock[] locks;
    private final boolean atomicWholeMap;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public StripedMap(int stripes, boolean atomicWholeMap) {
        this.stripes = new Map[stripes];
        this.locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new HashMap<>();
            this.locks[i] = new ReentrantLock();
        }
        this.atomicWholeMap = atomicWholeMap;
    }

    private int stripe(Object key) {
        return Math.floorMod(key.hashCode(), stripes.length);
    }

    @Override
    public V get(Object key) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].get(key);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public V put(K key, V value) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].put(key, value);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public V remove(Object key) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].remove(key);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].putIfAbsent(key, value);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].remove(key, value);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].replace(key, oldValue, newValue);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public V replace(K key, V value) {
        int s = stripe(key);
        locks[s].lock();
        try {
            return stripes[s].replace(key, value);
        } finally {
            locks[s].unlock();
        }
    }

    @Override
    public int size() {
        if (atomicWholeMap) {
            lockAll();
        }
        try {
            int size = 0;
            for (int i = 0; i < stripes.length; i++) {
                if (!atomicWholeMap) {
                    locks[i].lock();
                }
                try {
                    size += stripes[i].size();
                } finally {
                    if (!atomicWholeMap) {
                        locks[i].unlock();
                    }
                }
            }
            return size;
        } finally {
            if (atomicWholeMap) {
                unlockAll();
            }
        }
    }

    @Override
    public void clear() {
        if (atomicWholeMap) {
            lockAll();
        }
        try {
            for (int i = 0; i < stripes.length; i++) {
                if (!atomicWholeMap) {
                    locks[i].lock();
                }
                try {
                    stripes[i].clear();
                } finally {
                    if (!atomicWholeMap) {
                        locks[i].unlock();
                    }
                }
            }
        } finally {
            if (atomicWholeMap) {
                unlockAll();
            }
        }
    }

    private void lockAll() {
        for (ReentrantLock lock : locks) {
            lock.lock();
        }
    }

    private void unlockAll() {
        for (int i = locks.length - 1; i >= 0; i--) {
            locks[i].unlock();
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        lockAll();
        try {
            Set<Entry<K, V>> entries = new HashSet<>();
            for (Map<K, V> stripe : stripes) {
                for (Entry<K, V> e : stripe.entrySet()) {
                    entries.add(new SimpleImmutableEntry<>(e));
                }
            }
            return entries;
        } finally {
            unlockAll();
        }
    }
}
