package dev.weft.boot;

/**
 * The state instrumented code needs about a worker of the controlled runtime (a platform thread, or
 * a virtual thread on JDK 24+). Exactly one worker has the turn at a time; it publishes itself in
 * {@link #running} when it gets the turn, so a hook finds out whether it runs on a managed thread
 * with one field read and one comparison, whatever kind of thread the worker is.
 */
public class WorkerState {

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

    /** The calling thread's worker state when the calling thread is the worker with the turn. */
    public static WorkerState current() {
        WorkerState m = running;
        return m != null && m.thread == Thread.currentThread() ? m : null;
    }
}
