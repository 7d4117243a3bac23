package dev.weft.scheduler.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the controlling thread (the one in {@link Controller}, which starts, watches and unwinds an
 * execution) shares with the execution's own threads. Everything else of an {@link Execution} is
 * touched only by the logical thread that holds the turn, ordered by the volatile {@link
 * LogicalThread#turn} flags of the handoffs.
 *
 * <p>The happens-before protocol, field by field:
 *
 * <ul>
 *   <li>{@link #rootWorker}: written by the controller before {@link Execution#start}, read by
 *       {@code start} on the same thread; plain.
 *   <li>{@link #watcher}: written by the controller before {@code start}, read by the thread that
 *       reaches a verdict; volatile.
 *   <li>{@link #verdict}, {@link #strategyFailure}: written first, then {@link #done} (and {@link
 *       #aborting}), by the thread with the turn ({@link Ending#finish}) or by the controller when
 *       its watchdog gives up ({@link #finishFromController}); the controller reads them only after it
 *       saw {@code done}: all volatile, so the write of {@code done} publishes them. A verdict is
 *       written once (the first wins); a racing second writer only ever finds it set.
 *   <li>{@link #aborting}: volatile; set (never cleared) by whoever gives the verdict while threads are
 *       left; read by every thread of the execution at each scheduling point and each turn it gets,
 *       so that all of them unwind. The controller then reads {@link LogicalThread#finished} and
 *       {@link LogicalThread#awaiting} (volatile) to unwind them one at a time.
 *   <li>the step counter ({@link #advance}, {@link #progress}): written by the thread with the turn
 *       with opaque stores, read by the watchdog with opaque loads: eventually up to date, without a
 *       fence per step. The watchdog uses it only to see that the execution moves.
 * </ul>
 */
final class ExecutionStatus {

    private static final VarHandle STEP;

    static {
        try {
            STEP = MethodHandles.lookup().findVarHandle(ExecutionStatus.class, "step", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Scheduling points passed; written by the thread with the turn only. */
    private long step;

    /** The verdict, or {@code null} while none was given. */
    volatile Outcome verdict;
    /** An exception thrown by the strategy (a replay that diverged); rethrown to the caller. */
    volatile RuntimeException strategyFailure;
    /** Set once a verdict was given while threads were left: each of them unwinds. */
    volatile boolean aborting;
    /** Set once a verdict was given (the controller's wait ends). */
    volatile boolean done;
    /** The thread that watches this execution while its thread 0 runs on the controlling thread, or {@code null}. */
    volatile Thread watcher;
    /** The worker that runs thread 0 on the thread that started the execution, or {@code null} for a pooled one. */
    Worker rootWorker;

    /** The step counter, for the thread with the turn. */
    long step() {
        return step;
    }

    /** Counts one more step and returns it; the thread with the turn only. */
    long advance() {
        long s = step + 1;
        STEP.setOpaque(this, s);
        return s;
    }

    /** The step counter as the watchdog sees it: eventually up to date, without a fence per step. */
    long progress() {
        return (long) STEP.getOpaque(this);
    }

    /** Called by the controller when the watchdog gives up on a thread. */
    void finishFromController(Outcome outcome) {
        if (verdict == null) {
            verdict = outcome;
        }
        aborting = true;
        done = true;
    }
}
