package dev.weft.scheduler.runtime;

import dev.weft.boot.WorkerState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Turn-taking: which worker runs which logical thread, and how the turn passes from one to the next
 * (a volatile {@link LogicalThread#turn} flag set by the thread that hands over, then a wake-up:
 * {@code LockSupport.unpark}, or a notification for a thread that waits in {@code Object.wait()}
 * under the program's monitor). Which thread gets the turn is decided elsewhere ({@link
 * SchedulingStep}). The controller uses {@link #wakeToUnwind} and {@link #unwindOrder} to unwind the
 * threads of an execution that is over.
 */
final class Turns {

    private final Execution execution;
    private final WorkerPool pool;
    private final ExecutionStatus status;
    private final List<LogicalThread> threads;
    private final Monitors monitors;

    Turns(Execution execution, WorkerPool pool, ExecutionStatus status, List<LogicalThread> threads,
            Monitors monitors) {
        this.execution = execution;
        this.pool = pool;
        this.status = status;
        this.threads = threads;
        this.monitors = monitors;
    }

    /** Gives a thread that has never run a worker; it starts with the turn already set. */
    void ensureWorker(LogicalThread thread) {
        if (thread.worker == null) {
            pool.take().assign(execution, thread);
        }
    }

    /** Waits on {@code me}'s worker until {@code me} has the turn; unwinds ({@link ExecutionAbort}) when the execution is over. */
    void awaitTurn(LogicalThread me) {
        if (!me.turn) {
            me.awaiting = true;
            Object monitor = me.physicalWait;
            if (me.worker.virtual && me.worker.atomicDepth > 0) {
                // only a region that runs without preemption (a class initializer, class loading, a
                // call site being linked) can have the VM frames that pin a virtual thread; elsewhere
                // the JDK's pinning test reports native frames that freezing does not find
                pool.beforeBlocking();
            }
            if (monitor != null) {
                while (!me.turn) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException ignored) {
                        // the runtime wakes a waiter to unwind this way (wakeToUnwind); else code outside
                        // Weft's control interrupted the worker: keep waiting
                    }
                }
                if (status.aborting) {
                    Thread.interrupted(); // wakeToUnwind's interrupt, when the turn was seen before it came
                }
            } else {
                while (!me.turn) {
                    // a blocked thread yields too: it is most often thread 0 waiting in a join for
                    // the last thread, which ends within microseconds, and an OS wake-up costs 10–50 µs
                    // (a blocked thread that parked is unparked when unblocked, see
                    // LogicalThread#unblock)
                    me.worker.awaitOrPark(() -> me.turn, execution);
                }
            }
            me.awaiting = false;
        }
        WorkerState.running = me.worker;
        if (status.aborting) {
            throw new ExecutionAbort();
        }
    }

    /**
     * Gives {@code thread} the turn and wakes it; called on the thread with the turn, in a handoff. A
     * thread waiting in {@code wait()} checks its turn holding the monitor, so the turn is set under
     * the monitor too: set before, the thread could see it on a wake-up of its own, run on into code
     * that holds the monitor and wait for its next turn there, leaving this thread blocked on the
     * monitor with the turn in hand. The monitor is free then: {@code thread} is enabled only while
     * no thread holds it. Threads of the runtime never call this ({@link #wakeToUnwind}).
     */
    void giveTurn(LogicalThread thread) {
        Object monitor = thread.physicalWait;
        if (monitor != null) {
            synchronized (monitor) {
                thread.turn = true;
                monitor.notifyAll();
            }
        } else {
            thread.turn = true;
            if (thread.worker != null) {
                LockSupport.unpark(thread.worker.thread);
            }
        }
    }

    /**
     * Wakes a thread so that it unwinds (aborting is set). Called by the controller and the watcher,
     * threads of the runtime, which never take a monitor of the program's: a thread waiting in {@code
     * Object.wait()} is woken by an interrupt, not by {@code notifyAll} (which needs its monitor, and
     * a thread switched out inside {@code synchronized} on it may hold that: the watcher then blocked
     * for ever). The interrupted thread takes the monitor back once its holder has unwound (see
     * {@link #unwindOrder}), and unwinds in turn.
     */
    void wakeToUnwind(LogicalThread thread) {
        if (thread.worker == null) {
            thread.status = LogicalThread.Status.FINISHED;
            thread.finished = true; // never ran: nothing to unwind
            return;
        }
        thread.turn = true;
        if (thread.physicalWait != null) {
            thread.worker.thread.interrupt();
        } else {
            LockSupport.unpark(thread.worker.thread);
        }
    }

    /**
     * The unfinished threads in the order they can unwind one at a time: first those that do not wait
     * in {@code Object.wait()}, then the waiters, each after the thread that holds the monitor it
     * must take back (a waiter may itself hold another waiter's monitor in an outer block).
     */
    List<LogicalThread> unwindOrder() {
        List<LogicalThread> order = new ArrayList<>();
        List<LogicalThread> waiters = new ArrayList<>();
        for (LogicalThread t : threads) {
            if (!t.finished) {
                (t.physicalWait == null ? order : waiters).add(t);
            }
        }
        while (!waiters.isEmpty()) {
            LogicalThread next = waiters.get(0);
            for (LogicalThread waiter : waiters) {
                MonitorState m = monitors.stateOf(waiter.physicalWait);
                if (m == null || m.owner == null || !waiters.contains(m.owner)) {
                    next = waiter;
                    break;
                }
            }
            waiters.remove(next);
            order.add(next);
        }
        return order;
    }
}
