package dev.weft.examples.striped;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The part of a striped map that the buggy and the fixed version share: keys are spread over {@code
 * stripes} plain {@link HashMap}s, each guarded by its own {@link ReentrantLock}, and every single-key
 * operation runs under the lock of its key's stripe. Subclasses differ only in the whole-map operations
 * ({@code size}, {@code isEmpty}, {@code clear}, {@code putAll}, {@code containsValue}, {@code
 * entrySet}).
 *
 * <p>Single-key operations are linearizable. Functions given to {@code compute}, {@code merge} and the
 * like run while the stripe lock is held: they must be short and must not touch this map. Keys and
 * values must not be {@code null}, as in {@link java.util.concurrent.ConcurrentHashMap}.
 */
abstract class AbstractStripedMap<K, V> extends AbstractMap<K, V> implements ConcurrentMap<K, V> {

    final ReentrantLock[] locks;
    final HashMap<K, V>[] stripes;

    @SuppressWarnings("unchecked")
    AbstractStripedMap(int stripeCount) {
        if (stripeCount < 1) {
            throw new IllegalArgumentException("stripeCount must be at least 1, was " + stripeCount);
        }
        locks = new ReentrantLock[stripeCount];
        stripes = (HashMap<K, V>[]) new HashMap<?, ?>[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            locks[i] = new ReentrantLock();
            stripes[i] = new HashMap<>();
        }
    }

    /** The number of stripes, fixed at construction. */
    public final int stripeCount() {
        return stripes.length;
    }

    final int stripeOf(Object key) {
        int hash = Objects.requireNonNull(key, "key").hashCode();
        return Math.floorMod(hash ^ (hash >>> 16), stripes.length);
    }

    private <R> R underStripeLock(Object key, Function<HashMap<K, V>, R> action) {
        int stripe = stripeOf(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return action.apply(stripes[stripe]);
        } finally {
            lock.unlock();
        }
    }

    // get, put and remove are written out rather than going through underStripeLock: they are the hot
    // path, and a capturing lambda costs an allocation per call unless the JIT removes it.

    @Override
    public V get(Object key) {
        int stripe = stripeOf(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return stripes[stripe].get(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return underStripeLock(key, stripe -> stripe.containsKey(key));
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return underStripeLock(key, stripe -> stripe.getOrDefault(key, defaultValue));
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(value, "value");
        int stripe = stripeOf(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return stripes[stripe].put(key, value);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public V remove(Object key) {
        int stripe = stripeOf(key);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return stripes[stripe].remove(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Objects.requireNonNull(value, "value");
        return underStripeLock(key, stripe -> stripe.putIfAbsent(key, value));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return value != null && underStripeLock(key, stripe -> stripe.remove(key, value));
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        return underStripeLock(key, stripe -> stripe.replace(key, oldValue, newValue));
    }

    @Override
    public V replace(K key, V value) {
        Objects.requireNonNull(value, "value");
        return underStripeLock(key, stripe -> stripe.replace(key, value));
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        return underStripeLock(key, stripe -> stripe.computeIfAbsent(key, mappingFunction));
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        return underStripeLock(key, stripe -> stripe.computeIfPresent(key, remappingFunction));
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        return underStripeLock(key, stripe -> stripe.compute(key, remappingFunction));
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        return underStripeLock(key, stripe -> stripe.merge(key, value, remappingFunction));
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    static <K, V> void requireNoNulls(Map<? extends K, ? extends V> entries) {
        entries.forEach((key, value) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        });
    }
}
