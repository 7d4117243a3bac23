package dev.weft.boot;

/**
 * The state instrumented code needs about a worker of the controlled runtime (a platform thread, or
 * a virtual thread on JDK 24+). Exactly one worker has the turn at a time; it publishes itself in
 * {@link #running} when it gets the turn, so a hook finds out whether it runs on a managed thread
 * with one field read and one comparison, whatever kind of thread the worker is.
 */
public class WorkerState {

    /**
     * Set once the runtime gave a verdict on a thread that was running without reaching a scheduling
     * point: from then on, a loop's back edge in application code checks whether its thread must
     * unwind ({@link BoundaryHooks#backEdge()}). Until then a back edge costs one read of this field.
     */
    public static volatile boolean unwinding;

    /** The worker that has the turn, or one that had it last; see {@link #current()}. */
    public static volatile WorkerState running;

    /** The thread this worker runs on; set once, before the thread starts. */
    public Thread thread;

    /** The runtime serving this worker's current execution; {@code null} when idle. */
    public RuntimeHooks hooks;

    /**
     * Whether hooks are live on this thread. Cleared while the runtime itself runs on the thread
     * (so that the runtime never re-enters its own hooks) and between executions.
     */
    public boolean active;

    /** Nesting depth of synchronized methods of retransformed classes: no switch inside them. */
    public int atomicDepth;

    /**
     * Nesting depth of unobserved regions ({@code BoundaryHooks.quietBegin}), and whether hooks were live
     * before the outermost.
     */
    public int quietDepth;
    public boolean activeBeforeQuiet;

    /** Nesting depth of class initializers (each also counts in {@link #atomicDepth}). */
    public int initDepth;

    /**
     * Each worker thread's own state, whether or not it has the turn: for the atomic-region depth,
     * which must count on the worker's own thread even in the moment after it handed the turn on and
     * before the next worker published itself in {@link #running} (a class initializer or call-site
     * linkage can start and end there). Read only at region boundaries, which are rare.
     */
    private static final ThreadLocal<WorkerState> OWN = new ThreadLocal<>();

    /** Binds {@code worker} to the calling thread; called once by each worker thread when it starts. */
    public static void bind(WorkerState worker) {
        OWN.set(worker);
    }

    /** The calling thread's worker state, with or without the turn; {@code null} on other threads. */
    public static WorkerState own() {
        // the worker with the turn first: on it, ThreadLocal (rewritten to see the logical thread
        // while hooks are live) would look in the logical thread's map, where OWN is not
        WorkerState m = running;
        if (m != null && m.thread == Thread.currentThread()) {
            return m;
        }
        ThreadLocal<WorkerState> own = OWN; // null while this class initializes (a wrapped class initializer it triggers)
        return own == null ? null : own.get();
    }

    /** The calling thread's worker state when the calling thread is the worker with the turn. */
    public static WorkerState current() {
        WorkerState m = running;
        return m != null && m.thread == Thread.currentThread() ? m : null;
    }
}
