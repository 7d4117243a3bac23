package dev.weft.scheduler.runtime;

import java.util.ArrayDeque;

/** Idle workers, reused across executions. */
final class WorkerPool {

    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private int created;

    synchronized Worker take() {
        Worker worker = idle.pollLast();
        if (worker == null) {
            worker = new Worker(this, ++created);
            worker.start();
        }
        return worker;
    }

    synchronized void release(Worker worker) {
        idle.addLast(worker);
    }

    synchronized int created() {
        return created;
    }
}
