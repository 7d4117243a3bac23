package dev.weft.scheduler.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * One thread of one execution, as the runtime models it. Touched by the thread with the turn, but
 * for the volatile fields, which the controlling thread reads to watch and unwind the execution
 * (see {@link ExecutionStatus}).
 */
final class LogicalThread {

    enum Status { RUNNABLE, BLOCKED, FINISHED }

    /** What a blocked thread waits for; {@link #deadline()} is {@link VirtualClock#NO_DEADLINE} when the wait is not timed. */
    sealed interface Blocked {

        long deadline();

        /** In {@code Object.wait()} on {@code monitor}, released (it takes it back once woken: {@link #wantsMonitor}). */
        record Waiting(Object monitor, long deadline) implements Blocked {}

        /** In {@code LockSupport.park}, on {@code blocker} ({@code null} when none was given). */
        record Parked(Object blocker, long deadline) implements Blocked {}

        /** In {@code Thread.join()} of {@code target}. */
        record Joining(LogicalThread target, long deadline) implements Blocked {}

        /** In {@code Thread.sleep}. */
        record Sleeping(long deadline) implements Blocked {}
    }

    /** How a blocked thread was last woken, when that matters to the call it blocked in. */
    enum Wake { OTHER, TIMED_OUT, INTERRUPTED }

    final int id;
    final Thread thread;
    final Runnable body;
    /** Whether the thread was started by application code (not by a JDK executor or pool). */
    final boolean userThread;

    Worker worker;
    volatile boolean turn;

    Status status = Status.RUNNABLE;
    /** What the thread waits for while {@link Status#BLOCKED}; read it through {@link #blocked()}. */
    private Blocked blocked;
    private Wake wake = Wake.OTHER;
    volatile boolean finished;
    /** Set while the thread is parked in the runtime waiting for its turn (for the watchdog). */
    volatile boolean awaiting;
    /**
     * A monitor the thread must acquire before it can go on; enabled only while the monitor is free.
     * Such a thread is runnable, not blocked: the strategy decides when it takes the monitor.
     */
    Object wantsMonitor;
    /** Whether the thread got the turn from another thread and has not recorded an event since. */
    boolean switchedIn;

    boolean permit;
    boolean interrupted;

    /** {@code synchronized} blocks this thread is in on monitors the JVM also takes (see {@link JvmSynchronizedClasses}). */
    int jvmMonitorBlocks;
    /** Monitor this thread waits on physically (in {@code Object.wait}) while it has no turn. */
    volatile Object physicalWait;

    int pendingSite;
    long pendingTarget;
    boolean pendingWrite;
    int lastSite;

    /** Spin detection: reads since the last write by any thread (counted in {@link #spinEpoch}). */
    int readsSinceWrite;
    long spinEpoch;
    /** Steps run in a row, without a switch, while another thread could have run. */
    int runLength;
    /** Index of this thread's last trace event, to attach a value read. */
    int lastEvent = -1;

    LogicalThread(int id, Thread thread, Runnable body, boolean userThread) {
        this.id = id;
        this.thread = thread;
        this.body = body;
        this.userThread = userThread;
    }

    boolean enabled() {
        return status == Status.RUNNABLE;
    }

    /** What the thread waits for, or {@code null} when it is not blocked. */
    Blocked blocked() {
        return status == Status.BLOCKED ? blocked : null;
    }

    /** The deadline of the thread's timed wait, or {@link VirtualClock#NO_DEADLINE} when it is not in one. */
    long deadline() {
        Blocked b = blocked();
        return b == null ? VirtualClock.NO_DEADLINE : b.deadline();
    }

    /** Blocks the thread (it gives up its turn at its next scheduling point). */
    void block(Blocked why) {
        status = Status.BLOCKED;
        blocked = why;
        wake = Wake.OTHER;
    }

    /** Makes a blocked thread runnable again. */
    void unblock() {
        status = Status.RUNNABLE;
        blocked = null;
        wake = Wake.OTHER;
        Worker w = worker;
        if (w != null && !w.virtual && physicalWait == null) {
            LockSupport.unpark(w.thread); // wakes it early: it may get the turn soon
        }
    }

    /** Unblocks the thread for {@code why} (the timeout of its wait, an interrupt). */
    void wake(Wake why) {
        Blocked was = blocked();
        unblock();
        wake = why;
        if (was instanceof Blocked.Waiting waiting) {
            wantsMonitor = waiting.monitor(); // it returns from wait() holding the monitor again
        }
    }

    /** Whether the thread's last wake was the timeout of its wait (until it is unblocked again). */
    boolean timedOut() {
        return wake == Wake.TIMED_OUT;
    }

    /**
     * Whether an interrupt woke the thread from its last blocking call, which then throws {@code
     * InterruptedException}; clears it.
     */
    boolean takeInterruptedWake() {
        boolean woken = wake == Wake.INTERRUPTED;
        if (woken) {
            wake = Wake.OTHER;
        }
        return woken;
    }

    String name() {
        return "thread " + id;
    }
}
