package dev.weft.boot;

import static dev.weft.boot.LiveWorker.live;
import static dev.weft.boot.LiveWorker.liveOutsideAtomic;

/**
 * Hooks before shared memory accesses — field and array reads and writes, atomic operations — and at
 * the entry and exit of non-thread-safe collections' methods. The hot path: instrumented code calls
 * one of them for every shared access, and on any thread but the worker with the turn (or inside a
 * region that runs without preemption) each costs a field read and a comparison.
 */
public final class MemoryHooks {

    private MemoryHooks() {}

    // ---- memory accesses: scheduling points before the access ----

    public static void read(Object owner, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.read(owner, site);
        }
    }

    public static void write(Object owner, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.write(owner, site);
        }
    }

    public static void writeValue(Object owner, Object value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.writeValue(owner, value, site);
        }
    }

    public static void writeValue(Object owner, int value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.writeValue(owner, value, site);
        }
    }

    public static void writeValue(Object owner, float value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.writeValue(owner, (Object) value, site);
        }
    }

    public static void arrayRead(Object array, int index, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.arrayRead(array, index, site);
        }
    }

    public static void arrayWrite(Object array, int index, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.arrayWrite(array, index, site);
        }
    }

    public static void readValue(Object value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.readValue(value, site);
        }
    }

    public static void readValue(int value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.readValue(value, site);
        }
    }

    public static void readValue(long value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.readValue(value, site);
        }
    }

    public static void readValue(float value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.readValue((Object) value, site);
        }
    }

    public static void readValue(double value, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.readValue((Object) value, site);
        }
    }

    /**
     * Before an atomic operation ({@code Unsafe}, {@code VarHandle}): one step. {@code owner} is the
     * calling method's {@code this}, or its class in static methods and constructors before the
     * super call: an over-approximation of the object the operation synchronizes on.
     */
    public static void atomic(Object owner, int site) {
        WorkerState m = liveOutsideAtomic();
        if (m != null) {
            m.hooks.atomic(owner, site);
        }
    }

    // ---- non-thread-safe collections: entry and exit of their public methods (no scheduling point) ----

    public static void collectionEnter(Object collection, int site) {
        WorkerState m = live();
        if (m != null) {
            m.hooks.collectionEnter(collection, site);
        }
    }

    public static void collectionExit(Object collection, int site) {
        WorkerState m = live();
        if (m != null) {
            m.hooks.collectionExit(collection, site);
        }
    }
}
