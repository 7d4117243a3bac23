package dev.weft.scheduler.runtime;

import java.util.concurrent.locks.LockSupport;

/** One thread of one execution, as the runtime models it. */
final class LogicalThread {

    enum Status { RUNNABLE, BLOCKED, FINISHED }

    enum Block { NONE, WAIT, PARK, JOIN, SLEEP }

    final int id;
    final Thread thread;
    final Runnable body;
    /** Whether the thread was started by application code (not by a JDK executor or pool). */
    final boolean userThread;

    Worker worker;
    volatile boolean turn;

    Status status = Status.RUNNABLE;
    volatile boolean finished;
    /** Set while the thread is parked in the runtime waiting for its turn (for the watchdog). */
    volatile boolean awaiting;
    /** A monitor the thread must acquire before it can go on; enabled only while the monitor is free. */
    Object wantsMonitor;
    boolean interruptedWake;
    /** Whether the thread got the turn from another thread and has not recorded an event since. */
    boolean switchedIn;
    Block block = Block.NONE;
    Object blockedOn;
    boolean timed;
    long deadline;
    boolean timedOut;

    boolean permit;
    boolean interrupted;

    /** {@code synchronized} blocks this thread is in on monitors the JVM also takes (see {@link JvmSynchronizedClasses}). */
    int jvmMonitorBlocks;
    /** Monitor this thread waits on physically (in {@code Object.wait}) while it has no turn. */
    volatile Object physicalWait;
    int savedMonitorCount;
    boolean notified;

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

    void unblock() {
        status = Status.RUNNABLE;
        timedOut = false;
        block = Block.NONE;
        blockedOn = null;
        timed = false;
        Worker w = worker;
        if (w != null && !w.virtual && physicalWait == null) {
            LockSupport.unpark(w.thread); // wakes it early: it may get the turn soon
        }
    }

    String name() {
        return "thread " + id;
    }
}
