package dev.weft.boot;

import static dev.weft.boot.LiveWorker.live;

/**
 * Hooks for {@code Thread}: starting (also through builders, executors' thread containers and the
 * JDK 21+ virtual-thread calls), joining, sleeping, yielding, interrupting and asking about a
 * thread. On the worker with the turn they act on the execution's logical threads; on any other
 * thread they do exactly what the replaced call would have done.
 */
public final class ThreadHooks {

    private ThreadHooks() {}

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

    // ---- method references ({@code Thread::start}, {@code Thread::sleep}): the site comes first,
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

    public static void sleepRef(int site, long millis) throws InterruptedException {
        sleep(millis, site);
    }

    public static void sleepRef(int site, long millis, int nanos) throws InterruptedException {
        sleep(millis, nanos, site);
    }

    public static void yieldRef(int site) {
        ThreadHooks.yield(site);
    }

    public static void onSpinWaitRef(int site) {
        onSpinWait(site);
    }
}
