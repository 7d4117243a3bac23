package dev.weft.benchmarks;

import java.util.concurrent.ConcurrentHashMap;

/** A ConcurrentHashMap whose putIfAbsent is containsKey-then-put: two threads can both "win". */
public final class CheckThenActMap<K, V> extends ConcurrentHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    @Override
    public V putIfAbsent(K key, V value) {
        if (!containsKey(key)) {
            put(key, value);
            return null;
        }
        return get(key);
    }
}
