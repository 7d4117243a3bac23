package dev.weft.scheduler.strategy;

/**
 * What a {@link Strategy} sees when the runtime asks it who runs next.
 *
 * <p>Threads are numbered from 0 in the order they were started in the execution (thread 0 runs the
 * program's main body). Every thread that is enabled is parked just before its next event, so the
 * strategy can see that event: its target and whether it writes. A view is valid only during the
 * {@link Strategy#pick} call it was passed to.
 */
public interface SchedulingPoint {

    /** Index of this point among the execution's scheduling points, from 0. */
    long step();

    /** The thread that reached this point; it may have just blocked or finished. */
    int current();

    /** Number of threads started so far in this execution (ids {@code 0 .. threadCount()-1}). */
    int threadCount();

    /** Whether {@code thread} can run now. */
    boolean isEnabled(int thread);

    /** Number of enabled threads; at least 1 whenever {@link Strategy#pick} is called. */
    int enabledCount();

    /** The {@code i}-th enabled thread, in ascending id order. */
    int enabled(int i);

    /**
     * Identity of the memory location or synchronization object that the thread's next event
     * touches, or 0 when it is not known. Two events conflict when they have the same non-zero
     * target and at least one of them {@link #pendingWrite writes}.
     */
    long pendingTarget(int thread);

    /** Whether the thread's next event writes its target (synchronization actions count as writes). */
    boolean pendingWrite(int thread);

    /** Human-readable source location of the thread's next event, for example {@code HashMap.putVal(HashMap.java:631)}. */
    String pendingLocation(int thread);

    /**
     * Whether the thread is in a loop that only reads (a spin loop), or has run many steps in a row
     * while another thread could run (a retry loop that writes): switching away is the only way on.
     */
    boolean spinning(int thread);
}
