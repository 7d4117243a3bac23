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

    Worker(WorkerPool pool, int number, VirtualWorkers virtualWorkers) {
        this.pool = pool;
        this.virtual = virtualWorkers != null;
        this.driver = false;
        String name = "weft-worker-" + number;
        if (virtual) {
            thread = virtualWorkers.newThread(name, this);
        } else {
            thread = new Thread(null, this, name, 0, false);
            thread.setDaemon(true);
        }
    }

    /** Whether this is the controller's driver: a thread that runs explorations and their thread 0 itself. */
    final boolean driver;

    /** The driver's worker: {@code thread} runs {@code loop}, and thread 0 of each execution it starts. */
    Worker(WorkerPool pool, Runnable loop) {
        this.pool = pool;
        this.virtual = pool.virtual();
        this.driver = true;
        thread = pool.newDriverThread("weft-driver", loop);
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
                if (virtual || !Handoffs.await(() -> assigned != null || retired)) {
                    LockSupport.park(pool);
                }
                continue;
            }
            Execution execution = assignedExecution;
            assigned = null;
            assignedExecution = null;
            current = thread;
            hooks = execution;
            try {
                execution.runThread(this, thread);
            } finally {
                current = null;
                hooks = null;
                active = false;
                atomicDepth = 0;
            }
        }
    }
}
