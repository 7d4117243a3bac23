package dev.weft.scheduler.runtime;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Idle workers, reused across executions. Workers are virtual threads on Weft's own carrier on JDK 24
 * and later (where a virtual thread that waits inside {@code synchronized} no longer pins its carrier),
 * platform threads before; {@code -Dweft.workers=platform|virtual} chooses explicitly.
 */
final class WorkerPool {

    static final String PROPERTY = RuntimeSettings.WORKERS;

    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    private final VirtualWorkers virtualWorkers;
    private int created;

    WorkerPool() {
        this.virtualWorkers = chooseVirtual(RuntimeSettings.process().workers());
    }

    /** The virtual workers that {@code setting} (a value of {@value #PROPERTY}) asks for, or {@code null} for platform threads. */
    static VirtualWorkers chooseVirtual(String setting) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "platform":
                return null;
            case "virtual": {
                VirtualWorkers workers = VirtualWorkers.create();
                if (workers == null) {
                    throw new IllegalStateException("-D" + PROPERTY + "=virtual cannot be honoured: "
                            + VirtualWorkers.unavailableReason() + " (use -D" + PROPERTY + "=platform or auto)");
                }
                return workers;
            }
            case "auto":
            case "":
                return Runtime.version().feature() >= 24 ? VirtualWorkers.create() : null;
            default:
                throw new IllegalStateException("-D" + PROPERTY + " must be platform, virtual or auto, was '" + setting + "'");
        }
    }

    /** Whether workers are virtual threads. */
    boolean virtual() {
        return virtualWorkers != null;
    }

    /** Called by a virtual worker before it waits for its turn; see {@link VirtualWorkers#beforeBlocking()}. */
    void beforeBlocking() {
        if (virtualWorkers != null) {
            virtualWorkers.beforeBlocking();
        }
    }

    /** Called by the controller when an execution made no progress for a while; see {@link VirtualWorkers#nudge()}. */
    void nudge() {
        if (virtualWorkers != null) {
            virtualWorkers.nudge();
        }
    }

    /** A worker's (or the driver's) thread: a virtual thread on Weft's carrier when workers are virtual, else a platform daemon thread. */
    Thread newThread(String name, Runnable body) {
        if (virtualWorkers != null) {
            return virtualWorkers.newThread(name, body);
        }
        Thread thread = new Thread(null, body, name, 0, false);
        thread.setDaemon(true);
        return thread;
    }

    synchronized Worker take() {
        Worker worker = idle.pollLast();
        while (worker != null && (worker.retired || !worker.thread.isAlive())) {
            worker = idle.pollLast(); // given up on, or ended: never handed a thread again
        }
        if (worker == null) {
            worker = new Worker(this, ++created);
            worker.thread.start();
        }
        return worker;
    }

    /**
     * Takes {@code worker} back, unless it was retired: given up while stuck outside Weft's control, it
     * ends once it gets free, and handed a thread it would never run it.
     */
    synchronized void release(Worker worker) {
        if (!worker.retired) {
            idle.addLast(worker);
        }
    }

    synchronized int created() {
        return created;
    }
}
