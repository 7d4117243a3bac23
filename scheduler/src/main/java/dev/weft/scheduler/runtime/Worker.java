package dev.weft.scheduler.runtime;

import dev.weft.boot.WorkerState;
import java.util.concurrent.locks.LockSupport;

/**
 * A pooled thread that runs logical threads, one per execution at a time: a platform thread, or a
 * virtual thread on Weft's carrier ({@link VirtualWorkers}). Reused across executions: thread creation
 * costs tens of microseconds, a handoff one or a few.
 */
final class Worker extends WorkerState implements Runnable {

    final WorkerPool pool;
    /** Whether {@link #thread} is a virtual thread: it then parks at once instead of spinning. */
    final boolean virtual;
    private volatile LogicalThread assigned;
    private volatile Execution assignedExecution;
    volatile LogicalThread current;
    volatile boolean retired;

    Worker(WorkerPool pool, int number) {
        this.pool = pool;
        this.virtual = pool.virtual();
        this.driver = false;
        thread = pool.newThread("weft-worker-" + number, this);
    }

    /** Whether this is the controller's driver: a thread that runs explorations and their thread 0 itself. */
    final boolean driver;

    /** The driver's worker: {@code thread} runs {@code loop}, and thread 0 of each execution it starts. */
    Worker(WorkerPool pool, Runnable loop) {
        this.pool = pool;
        this.virtual = pool.virtual();
        this.driver = true;
        thread = pool.newThread("weft-driver", loop);
    }

    /**
     * Waits on this worker's thread until {@code ready} holds or it is unparked (callers loop): a
     * platform thread yields first ({@link Handoffs}), a virtual one parks at once (an unmount, on
     * the carrier that runs the next worker).
     */
    void awaitOrPark(java.util.function.BooleanSupplier ready, Object blocker) {
        if (virtual || !Handoffs.await(ready)) {
            LockSupport.park(blocker);
        }
    }

    /** Runs {@code thread} of {@code execution} on this worker's thread, then leaves the worker idle. */
    void run(Execution execution, LogicalThread thread) {
        Thread.interrupted(); // an interrupt code outside Weft's control left on this thread is not the new logical thread's
        current = thread;
        hooks = execution;
        try {
            execution.runThread(this, thread);
        } finally {
            current = null;
            hooks = null;
            active = false;
            atomicDepth = 0;
            quietDepth = 0;
            initDepth = 0;
        }
    }

    void assign(Execution execution, LogicalThread thread) {
        thread.worker = this;
        this.assignedExecution = execution;
        this.assigned = thread;
        LockSupport.unpark(this.thread);
    }

    @Override
    public void run() {
        WorkerState.bind(this);
        while (!retired) {
            LogicalThread thread = assigned;
            if (thread == null) {
                awaitOrPark(() -> assigned != null || retired, pool);
                continue;
            }
            Execution execution = assignedExecution;
            assigned = null;
            assignedExecution = null;
            run(execution, thread);
        }
    }
}
