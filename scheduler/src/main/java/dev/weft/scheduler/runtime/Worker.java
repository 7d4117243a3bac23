package dev.weft.scheduler.runtime;

import dev.weft.boot.ManagedThread;
import java.util.concurrent.locks.LockSupport;

/**
 * A pooled platform thread that runs logical threads, one per execution at a time. Reused across
 * executions: thread creation costs tens of microseconds, a handoff a few.
 */
final class Worker extends ManagedThread {

    final WorkerPool pool;
    private volatile LogicalThread assigned;
    private volatile Execution assignedExecution;
    volatile LogicalThread current;
    volatile boolean retired;

    Worker(WorkerPool pool, int number) {
        super(null, "weft-worker-" + number);
        this.pool = pool;
    }

    void assign(Execution execution, LogicalThread thread) {
        thread.worker = this;
        this.assignedExecution = execution;
        this.assigned = thread;
        LockSupport.unpark(this);
    }

    @Override
    public void run() {
        while (!retired) {
            LogicalThread thread = assigned;
            if (thread == null) {
                if (!Handoffs.await(() -> assigned != null || retired)) {
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
