package dev.weft.boot;

/**
 * Hooks at the boundaries of regions of code rather than at the program's actions: regions that run
 * without preemption (class initializers, class loading) or unobserved (JDK bookkeeping), loops'
 * back edges, {@code Runtime.exit}, and the completion of an application class's initializer (for
 * fresh static state per execution). They work on the calling thread's own worker state, with or
 * without the turn.
 */
public final class BoundaryHooks {

    private BoundaryHooks() {}

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
