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
        if (m == null || m.initDepth > 0) {
            // a thread a class initializer starts (the JDK's process reaper, a library's daemon) serves
            // the JVM from then on, not one execution: it runs as it would without Weft
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
        if (m == null || m.initDepth > 0) {
            containerStart.accept(container, thread);
        } else {
            m.hooks.threadStart(thread, site);
        }
    }

    // ---- thread builders and virtual threads (JDK 21+): the JDK's own calls, set by the agent ----

    /** {@code Thread.Builder.start(Runnable)}, {@code Thread.Builder.unstarted(Runnable)}: (builder, task) to thread. */
    public static volatile java.lang.invoke.MethodHandle builderStartCall;
    public static volatile java.lang.invoke.MethodHandle builderUnstartedCall;
    /** {@code Thread.startVirtualThread(Runnable)}, and {@code Thread.ofVirtual().unstarted(Runnable)}: task to thread. */
    public static volatile java.lang.invoke.MethodHandle startVirtualCall;
    public static volatile java.lang.invoke.MethodHandle unstartedVirtualCall;
    /** {@code JavaLangAccess.start(Thread, ThreadContainer)}: (access, thread, container). */
    public static volatile java.lang.invoke.MethodHandle accessStartCall;

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    /** {@code builder.start(task)}: on a managed thread, the new thread (platform or virtual) is a logical thread. */
    public static Thread builderStart(Object builder, Runnable task, int site) {
        try {
            WorkerState m = live();
            if (m == null) {
                return (Thread) builderStartCall.invoke(builder, task);
            }
            Thread thread = (Thread) builderUnstartedCall.invoke(builder, task);
            m.hooks.threadStart(thread, site);
            return thread;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code Thread.startVirtualThread(task)}: on a managed thread, a logical thread. */
    public static Thread startVirtualThread(Runnable task, int site) {
        try {
            WorkerState m = live();
            if (m == null) {
                return (Thread) startVirtualCall.invoke(task);
            }
            Thread thread = (Thread) unstartedVirtualCall.invoke(task);
            m.hooks.threadStart(thread, site);
            return thread;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code JavaLangAccess.start(thread, container)}, as the thread-per-task executor starts each task's thread. */
    public static void startWithAccess(Object access, Thread thread, Object container, int site) {
        WorkerState m = live();
        if (m != null) {
            m.hooks.threadStart(thread, site);
            return;
        }
        try {
            accessStartCall.invoke(access, thread, container);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public static void join(Thread thread, int site) throws InterruptedException {
        join(thread, 0L, site);
    }

    /** {@code thread.join(Duration)} (JDK 19+): whether the thread ended. */
    public static boolean joinFor(Thread thread, Object duration, int site) throws InterruptedException {
        WorkerState m = live();
        java.time.Duration wait = (java.time.Duration) duration;
        if (m == null) {
            try {
                return (boolean) Thread.class.getMethod("join", java.time.Duration.class).invoke(thread, wait);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw rethrow(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw rethrow(e);
            }
        }
        if (!wait.isNegative() && !wait.isZero()) {
            long millis;
            try {
                millis = Math.max(1, wait.toMillis() + (wait.toNanosPart() % 1_000_000 > 0 ? 1 : 0));
            } catch (ArithmeticException tooLong) {
                millis = Long.MAX_VALUE;
            }
            m.hooks.join(thread, millis, site);
        }
        return !m.hooks.isAlive(thread);
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

    public static void join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        WorkerState m = live();
        if (m == null) {
            thread.join(millis, nanos);
        } else {
            if (millis < 0 || nanos < 0 || nanos > 999_999) {
                throw new IllegalArgumentException(millis < 0 ? "timeout value is negative" : "nanosecond timeout value out of range");
            }
            join(thread, millis + (nanos > 0 && millis < Long.MAX_VALUE ? 1 : 0), site);
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

    /**
     * {@code thread.getState()}: a logical thread's state as the runtime models it (the JVM never started
     * its object). A scheduling point, so that a loop waiting for another thread's state lets it run.
     */
    public static Thread.State getState(Thread thread, int site) {
        WorkerState m = live();
        return m == null ? thread.getState() : m.hooks.threadState(thread, site);
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

    /**
     * The result of the JDK's {@code VM.getNanoTimeAdjustment(offsetSeconds)} ({@code real}), read by
     * {@code java.time.Clock}: inside an execution, the virtual wall clock's nanoseconds past
     * {@code offsetSeconds} instead ({@code -1}, the JDK's "offset too far", is passed through).
     */
    public static long nanoTimeAdjustment(long offsetSeconds, long real) {
        WorkerState m = live();
        if (m == null || real == -1) {
            return real;
        }
        long adjustment = m.hooks.epochNanos() - offsetSeconds * 1_000_000_000L;
        return adjustment == -1 ? -2 : adjustment; // -1 would tell the JDK to start again
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

    /**
     * Before the jump back of a loop in application code. Not a scheduling point: it lets a thread
     * that runs without reaching one (a loop on local variables) unwind once the runtime has given a
     * verdict on it, so that its worker is not lost.
     */
    public static void backEdge() {
        if (WorkerState.unwinding) {
            WorkerState m = WorkerState.own();
            if (m != null && m.hooks != null && m.atomicDepth == 0) {
                m.hooks.backEdge();
            }
        }
    }

    private static final Object STATICS_LOCK = new Object();
    private static java.lang.invoke.MethodHandles.Lookup[] statics = new java.lang.invoke.MethodHandles.Lookup[64];
    private static int staticsCount;

    /**
     * Called by an application class's initializer as it completes (on any thread): the class's
     * static state can be reset before each execution (see the agent's {@code FreshStaticsRewrite}).
     */
    public static void staticsInitialized(java.lang.invoke.MethodHandles.Lookup lookup) {
        synchronized (STATICS_LOCK) {
            if (staticsCount == statics.length) {
                statics = java.util.Arrays.copyOf(statics, staticsCount * 2);
            }
            statics[staticsCount++] = lookup;
        }
    }

    /** The lookups of the classes whose initializers completed, from the {@code from}-th on, in that order. */
    public static java.lang.invoke.MethodHandles.Lookup[] initializedStatics(int from) {
        synchronized (STATICS_LOCK) {
            return java.util.Arrays.copyOfRange(statics, Math.min(from, staticsCount), staticsCount);
        }
    }

    /**
     * At the start of {@code Runtime.exit} (which {@code System.exit} calls) and {@code Runtime.halt}:
     * on a managed thread of a running execution, ends the execution with a verdict and unwinds the
     * thread instead of letting the JVM end; elsewhere returns, and the JVM exits.
     */
    public static void beforeExit(int status, boolean halt) {
        WorkerState m = WorkerState.own();
        if (m != null && m.hooks != null && m.thread == Thread.currentThread()) {
            m.hooks.exit(status, halt);
        }
    }

    /** Starts a region that runs without preemption (class initializers, class loading). */
    public static void atomicBegin() {
        WorkerState m = WorkerState.own();
        if (m != null) {
            m.atomicDepth++;
        }
    }

    /**
     * Starts a region that runs without preemption and unobserved: no hook is live inside it (JDK
     * bookkeeping whose work differs from run to run, see the agent's {@code InstrumentationScope}).
     */
    public static void quietBegin() {
        WorkerState m = WorkerState.own();
        if (m != null) {
            m.atomicDepth++;
            if (m.quietDepth++ == 0) {
                m.activeBeforeQuiet = m.active;
                m.active = false;
            }
        }
    }

    public static void quietEnd() {
        WorkerState m = WorkerState.own();
        if (m != null && m.quietDepth > 0) {
            if (m.atomicDepth > 0) {
                m.atomicDepth--;
            }
            if (--m.quietDepth == 0) {
                m.active = m.activeBeforeQuiet;
            }
        }
    }

    public static void atomicEnd() {
        WorkerState m = WorkerState.own();
        if (m != null && m.atomicDepth > 0) {
            m.atomicDepth--;
        }
    }

    // ---- method references ({@code Thread::start}, {@code LockSupport::park}): the site comes first,
    // captured ahead of the referenced method's receiver and arguments ----

    public static void startRef(int site, Thread thread) {
        start(thread, site);
    }

    public static void joinRef(int site, Thread thread) throws InterruptedException {
        join(thread, site);
    }

    public static void joinRef(int site, Thread thread, long millis) throws InterruptedException {
        join(thread, millis, site);
    }

    public static void joinRef(int site, Thread thread, long millis, int nanos) throws InterruptedException {
        join(thread, millis, nanos, site);
    }

    public static void interruptRef(int site, Thread thread) {
        interrupt(thread, site);
    }

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

    public static void sleepRef(int site, long millis) throws InterruptedException {
        sleep(millis, site);
    }

    public static void sleepRef(int site, long millis, int nanos) throws InterruptedException {
        sleep(millis, nanos, site);
    }

    public static void yieldRef(int site) {
        Hooks.yield(site);
    }

    public static void onSpinWaitRef(int site) {
        onSpinWait(site);
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

    /**
     * Starts a class initializer (anyone's: the agent wraps every class initializer it sees). It
     * runs without preemption, as {@link #atomicBegin} regions do, and threads it starts are not
     * managed.
     */
    public static void classInitBegin() {
        WorkerState m = WorkerState.own();
        if (m != null) {
            m.atomicDepth++;
            m.initDepth++;
        }
    }

    public static void classInitEnd() {
        WorkerState m = WorkerState.own();
        if (m != null && m.initDepth > 0) {
            m.initDepth--;
            if (m.atomicDepth > 0) {
                m.atomicDepth--;
            }
        }
    }
}
