package dev.weft.boot;

import static dev.weft.boot.LiveWorker.live;

import java.util.concurrent.locks.LockSupport;

/**
 * Hooks for monitors ({@code synchronized}, {@code wait}, {@code notify}) and parking
 * ({@code LockSupport}, {@code Unsafe.park}): on the worker with the turn, the runtime's model of the
 * primitive; on any other thread, exactly what the replaced instruction or call would have done.
 */
public final class SyncHooks {

    private SyncHooks() {}

    // ---- monitors ----

    public static void monitorEnter(Object monitor, int site) {
        WorkerState m = live();
        if (m != null) {
            m.hooks.monitorEnter(monitor, site);
        }
    }

    public static void monitorExit(Object monitor, int site) {
        WorkerState m = live();
        if (m != null) {
            m.hooks.monitorExit(monitor, site);
        }
    }

    public static void syncMethodEnter(Object monitor, int site) {
        WorkerState m = live();
        if (m != null) {
            m.atomicDepth++;
            m.hooks.syncMethodEnter(monitor, site);
        }
    }

    public static void syncMethodExit(Object monitor, int site) {
        WorkerState m = live();
        if (m != null) {
            if (m.atomicDepth > 0) {
                m.atomicDepth--;
            }
            m.hooks.syncMethodExit(monitor, site);
        }
    }

    public static void waitOn(Object monitor, int site) throws InterruptedException {
        waitOn(monitor, 0L, site);
    }

    public static void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            monitor.wait(millis);
            return;
        }
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        int depth = m.atomicDepth;
        m.atomicDepth = 0;
        try {
            m.hooks.waitOn(monitor, millis, site);
        } finally {
            m.atomicDepth = depth;
        }
    }

    public static void waitOn(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            monitor.wait(millis, nanos);
            return;
        }
        waitOn(monitor, millis + (nanos > 0 ? 1 : 0), site);
    }

    public static void notify(Object monitor, int site) {
        WorkerState m = live();
        if (m == null) {
            monitor.notify();
        } else {
            m.hooks.notify(monitor, false, site);
        }
    }

    public static void notifyAll(Object monitor, int site) {
        WorkerState m = live();
        if (m == null) {
            monitor.notifyAll();
        } else {
            m.hooks.notify(monitor, true, site);
        }
    }

    // ---- LockSupport ----

    public static void park(int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.park();
        } else {
            m.hooks.park(null, 0L, false, site);
        }
    }

    public static void park(Object blocker, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.park(blocker);
        } else {
            m.hooks.park(blocker, 0L, false, site);
        }
    }

    public static void parkNanos(long nanos, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.parkNanos(nanos);
        } else if (nanos > 0) {
            m.hooks.park(null, nanos, false, site);
        }
    }

    public static void parkNanos(Object blocker, long nanos, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.parkNanos(blocker, nanos);
        } else if (nanos > 0) {
            m.hooks.park(blocker, nanos, false, site);
        }
    }

    public static void parkUntil(long deadline, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.parkUntil(deadline);
        } else {
            m.hooks.park(null, deadline, true, site);
        }
    }

    public static void parkUntil(Object blocker, long deadline, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.parkUntil(blocker, deadline);
        } else {
            m.hooks.park(blocker, deadline, true, site);
        }
    }

    /** Replaces {@code Unsafe.park(absolute, time)}: a park like {@code LockSupport}'s. */
    public static void unsafePark(Object unsafe, boolean absolute, long time, int site) {
        if (absolute) {
            parkUntil(time, site);
        } else if (time == 0) {
            park(site);
        } else {
            parkNanos(time, site);
        }
    }

    /** Replaces {@code Unsafe.unpark(thread)}. */
    public static void unsafeUnpark(Object unsafe, Object thread, int site) {
        if (thread instanceof Thread t) {
            unpark(t, site);
        }
    }

    public static void unpark(Thread thread, int site) {
        WorkerState m = live();
        if (m == null) {
            LockSupport.unpark(thread);
        } else {
            m.hooks.unpark(thread, site);
        }
    }

    // ---- method references ({@code Object::wait}, {@code LockSupport::park}): the site comes first,
    // captured ahead of the referenced method's receiver and arguments ----

    public static void waitRef(int site, Object monitor) throws InterruptedException {
        waitOn(monitor, site);
    }

    public static void waitRef(int site, Object monitor, long millis) throws InterruptedException {
        waitOn(monitor, millis, site);
    }

    public static void waitRef(int site, Object monitor, long millis, int nanos) throws InterruptedException {
        waitOn(monitor, millis, nanos, site);
    }

    public static void notifyRef(int site, Object monitor) {
        notify(monitor, site);
    }

    public static void notifyAllRef(int site, Object monitor) {
        notifyAll(monitor, site);
    }

    public static void parkRef(int site) {
        park(site);
    }

    public static void parkRef(int site, Object blocker) {
        park(blocker, site);
    }

    public static void parkNanosRef(int site, long nanos) {
        parkNanos(nanos, site);
    }

    public static void parkNanosRef(int site, Object blocker, long nanos) {
        parkNanos(blocker, nanos, site);
    }

    public static void parkUntilRef(int site, long deadline) {
        parkUntil(deadline, site);
    }

    public static void parkUntilRef(int site, Object blocker, long deadline) {
        parkUntil(blocker, deadline, site);
    }

    public static void unparkRef(int site, Thread thread) {
        unpark(thread, site);
    }
}
