package dev.weft.scheduler.runtime;

import java.util.List;

/**
 * Virtual time: {@code System.nanoTime()} and {@code currentTimeMillis()} of an execution, and the
 * deadlines of its timed waits. The clock moves {@value #NANOS_PER_STEP} ns per step, and jumps to
 * the next deadline when no thread can run but a timed wait can time out ({@link #fireAt}): timeouts
 * fire in virtual time, at once. Derived from the step counter, so that a step costs the clock
 * nothing. Touched only by the thread with the turn.
 */
final class VirtualClock {

    /** The virtual wall clock starts at 2026-01-01T00:00:00Z. */
    static final long EPOCH_MILLIS = 1_767_225_600_000L;
    static final long NANOS_PER_STEP = 1_000;
    /** A deadline beyond the virtual clock's range (about 292 years): the thread waits as if it had none. */
    static final long NO_DEADLINE = Long.MAX_VALUE;
    /** Longer timeouts are taken as this (a century): the virtual clock counts nanoseconds in a long. */
    static final long MAX_TIMEOUT_MILLIS = 100L * 365 * 24 * 3600 * 1000;

    private final ExecutionStatus status;
    /** How far the clock jumped ahead of the steps, to deadlines that fired. */
    private long jumped;

    VirtualClock(ExecutionStatus status) {
        this.status = status;
    }

    /** Virtual nanoseconds since the execution started. */
    long nanos() {
        return status.step() * NANOS_PER_STEP + jumped;
    }

    long nanoTime() {
        return 1_000_000_000L + nanos();
    }

    long currentTimeMillis() {
        return EPOCH_MILLIS + nanos() / 1_000_000L;
    }

    /** The wall clock in nanoseconds since the epoch, as {@code java.time} reads it. */
    long epochNanos() {
        return EPOCH_MILLIS * 1_000_000L + nanos();
    }

    /** The virtual time {@code nanos} from now, or {@link #NO_DEADLINE}. */
    long deadlineIn(long nanos) {
        long now = nanos();
        return nanos >= NO_DEADLINE - now ? NO_DEADLINE : now + nanos;
    }

    /** The deadline of a wait of {@code millis} ms from now ({@code 0}: none), or {@link #NO_DEADLINE}. */
    long deadlineInMillis(long millis) {
        return millis > 0 ? deadlineIn(nanosOf(millis)) : NO_DEADLINE;
    }

    /** The deadline of {@code parkUntil(epochMillis)}, or {@link #NO_DEADLINE}. */
    static long deadlineAt(long epochMillis) {
        return nanosOf(epochMillis - EPOCH_MILLIS);
    }

    /** {@code millis} in nanoseconds, or {@link #NO_DEADLINE} when that does not fit. */
    static long nanosOf(long millis) {
        return millis >= NO_DEADLINE / 1_000_000L ? NO_DEADLINE : millis * 1_000_000L;
    }

    /** Of the blocked threads, the one whose deadline comes first (the first such in the list on a tie), or {@code null}. */
    static LogicalThread firstDeadline(List<LogicalThread> threads) {
        LogicalThread first = null;
        for (LogicalThread t : threads) {
            long deadline = t.deadline();
            if (deadline != NO_DEADLINE && (first == null || deadline < first.deadline())) {
                first = t;
            }
        }
        return first;
    }

    /** Moves the clock to {@code deadline} (a deadline that fires), unless it is there already. */
    void fireAt(long deadline) {
        long now = nanos();
        if (deadline > now) {
            jumped += deadline - now;
        }
    }
}
