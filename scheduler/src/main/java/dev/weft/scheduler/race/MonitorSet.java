package dev.weft.scheduler.race;

import java.util.Arrays;

/** Monitors one thread holds, with a snapshot shared until the set changes. */
final class MonitorSet {
    private static final Object[] NONE = new Object[0];
    private Object[] monitors = new Object[4];
    private int[] counts = new int[4];
    private int size;
    private Object[] snapshot = NONE;

    void add(Object monitor) {
        for (int i = 0; i < size; i++) {
            if (monitors[i] == monitor) {
                counts[i]++;
                return;
            }
        }
        if (size == monitors.length) {
            monitors = Arrays.copyOf(monitors, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        monitors[size] = monitor;
        counts[size] = 1;
        size++;
        snapshot = null;
    }

    void remove(Object monitor) {
        for (int i = 0; i < size; i++) {
            if (monitors[i] == monitor) {
                if (--counts[i] == 0) {
                    System.arraycopy(monitors, i + 1, monitors, i, size - i - 1);
                    System.arraycopy(counts, i + 1, counts, i, size - i - 1);
                    size--;
                    monitors[size] = null;
                    snapshot = null;
                }
                return;
            }
        }
    }

    Object[] snapshot() {
        if (snapshot == null) {
            snapshot = size == 0 ? NONE : Arrays.copyOf(monitors, size);
        }
        return snapshot;
    }
}
