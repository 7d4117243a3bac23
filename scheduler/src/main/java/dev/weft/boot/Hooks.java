package dev.weft.boot;

import java.util.concurrent.locks.LockSupport;

/**
 * Static entry points that instrumented code calls. Each one first checks whether the calling
 * thread is the active worker with the turn ({@link WorkerState}); on any other thread it does
 * exactly what the replaced instruction or call would have done.
 */
public final class Hooks {

    private Hooks() {}

    private static WorkerState live() {
        WorkerState m = WorkerState.running;
        return m != null && m.active && m.thread == Thread.currentThread() ? m : null;
    }

    private static WorkerState liveOutsideAtomic() {
        WorkerState m = live();
        return m != null && m.atomicDepth == 0 ? m : null;
    }

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

    // ---- Thread ----

    public static void start(Thread thread, int site) {
        WorkerState m = live();
        if (m == null) {
            thread.start();
        } else {
            m.hooks.threadStart(thread, site);
        }
    }

    /**
     * Starts a thread the way {@code jdk.internal.vm.SharedThreadContainer.start} would (JDK 21+
     * executors start their workers through it). Set by the agent.
     */
    public static volatile java.util.function.BiConsumer<Object, Thread> containerStart;

    public static void startInContainer(Object container, Thread thread, int site) {
        WorkerState m = live();
        if (m == null) {
            containerStart.accept(container, thread);
        } else {
            m.hooks.threadStart(thread, site);
        }
    }

    public static void join(Thread thread, int site) throws InterruptedException {
        join(thread, 0L, site);
    }

    public static void join(Thread thread, long millis, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            thread.join(millis);
        } else {
            if (millis < 0) {
                throw new IllegalArgumentException("timeout value is negative");
            }
            m.hooks.join(thread, millis, site);
        }
    }

    public static Thread currentThread() {
        WorkerState m = live();
        return m == null ? Thread.currentThread() : m.hooks.currentThread();
    }

    public static void sleep(long millis, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            Thread.sleep(millis);
        } else {
            if (millis < 0) {
                throw new IllegalArgumentException("timeout value is negative");
            }
            m.hooks.sleep(millis, site);
        }
    }

    public static void sleep(long millis, int nanos, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            Thread.sleep(millis, nanos);
        } else {
            sleep(millis + (nanos > 0 ? 1 : 0), site);
        }
    }

    public static void yield(int site) {
        WorkerState m = live();
        if (m == null) {
            Thread.yield();
        } else {
            m.hooks.yield(site);
        }
    }

    public static void onSpinWait(int site) {
        WorkerState m = live();
        if (m == null) {
            Thread.onSpinWait();
        } else {
            m.hooks.onSpinWait(site);
        }
    }

    public static void interrupt(Thread thread, int site) {
        WorkerState m = live();
        if (m == null) {
            thread.interrupt();
        } else {
            m.hooks.interrupt(thread, site);
        }
    }

    public static boolean isInterrupted(Thread thread) {
        WorkerState m = live();
        return m == null ? thread.isInterrupted() : m.hooks.isInterrupted(thread, false);
    }

    public static boolean interrupted() {
        WorkerState m = live();
        return m == null ? Thread.interrupted() : m.hooks.isInterrupted(m.hooks.currentThread(), true);
    }

    public static boolean isAlive(Thread thread) {
        WorkerState m = live();
        return m == null ? thread.isAlive() : m.hooks.isAlive(thread);
    }

    // ---- sources of nondeterminism ----

    public static long nanoTime() {
        WorkerState m = live();
        return m == null ? System.nanoTime() : m.hooks.nanoTime();
    }

    public static long currentTimeMillis() {
        WorkerState m = live();
        return m == null ? System.currentTimeMillis() : m.hooks.currentTimeMillis();
    }

    public static int identityHashCode(Object object) {
        WorkerState m = live();
        return m == null || object == null ? System.identityHashCode(object) : m.hooks.identityHashCode(object);
    }

    /** Replaces {@code o.hashCode()}: deterministic for objects that use the identity hash. */
    public static int hashCode(Object object) {
        WorkerState m = live();
        return m == null ? object.hashCode() : m.hooks.hashCode(object);
    }

    /**
     * After a read of {@code ForkJoinPool.common} (or {@code CompletableFuture.ASYNC_POOL}) in
     * instrumented code: on a managed thread, the common pool is replaced by one of the execution's
     * own, so that no worker, queue or count of an earlier execution is seen by this one.
     */
    public static Object commonPool(Object pool) {
        WorkerState m = live();
        // both fields hold the common pool when they hold a ForkJoinPool (ASYNC_POOL may be an executor of another kind)
        return m == null || !(pool instanceof java.util.concurrent.ForkJoinPool) ? pool : m.hooks.commonPool(pool);
    }

    /** Seed for {@code new Random()} and {@code new SplittableRandom()}. */
    public static long randomSeed() {
        WorkerState m = live();
        return m == null ? System.nanoTime() ^ 0x5DEECE66DL * Thread.currentThread().getId() : m.hooks.randomSeed();
    }

    /** Starts a region that runs without preemption (class initializers, class loading). */
    public static void atomicBegin() {
        WorkerState m = WorkerState.own();
        if (m != null) {
            m.atomicDepth++;
        }
    }

    public static void atomicEnd() {
        WorkerState m = WorkerState.own();
        if (m != null && m.atomicDepth > 0) {
            m.atomicDepth--;
        }
    }
}
