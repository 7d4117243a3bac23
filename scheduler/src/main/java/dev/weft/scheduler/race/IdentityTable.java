package dev.weft.scheduler.race;

/**
 * A map keyed by object identity, open addressing with linear probing. The detectors' own: it
 * lives in an uninstrumented package, so using it costs no hook calls, and it never removes.
 */
final class IdentityTable<V> {

    private Object[] keys = new Object[64];
    private Object[] values = new Object[64];
    private int size;

    @SuppressWarnings("unchecked")
    V get(Object key) {
        Object[] k = keys;
        int mask = k.length - 1;
        for (int i = System.identityHashCode(key) & mask; ; i = (i + 1) & mask) {
            Object found = k[i];
            if (found == key) {
                return (V) values[i];
            }
            if (found == null) {
                return null;
            }
        }
    }

    void put(Object key, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        Object[] k = keys;
        int mask = k.length - 1;
        for (int i = System.identityHashCode(key) & mask; ; i = (i + 1) & mask) {
            if (k[i] == key) {
                values[i] = value;
                return;
            }
            if (k[i] == null) {
                k[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        Object[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new Object[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
