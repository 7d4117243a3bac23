package dev.weft.scheduler.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * {@code LockSupport.park}/{@code unpark}: each thread's permit, parks that return at once (a permit,
 * an interrupt, a deadline passed) and parks that block until an unpark, an interrupt or their
 * deadline in virtual time. Called by the {@link Execution} facade on the thread with the turn.
 */
final class Parking {

    private final Execution execution;
    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final ExecutionStatus status;
    private final ExecutionListener listener;
    private final ObjectNames names;
    private final VirtualClock clock;
    private final ThreadControl threadControl;

    Parking(Execution execution) {
        this.execution = execution;
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.status = execution.status;
        this.listener = execution.listener;
        this.names = execution.names;
        this.clock = execution.clock;
        this.threadControl = execution.threadControl;
    }

    void park(LogicalThread me, Object blocker, long nanos, boolean absolute, int site) {
        scheduling.pending(me, site, 0, true);
        scheduling.schedule(me);
        if (me.permit) {
            me.permit = false;
            if (listener != null) {
                listener.parkReturned(me.id);
            }
            if (trace.on) {
                trace.record(status.step(), me, "park (permit available)", site);
            }
            return;
        }
        if (me.interrupted) {
            return;
        }
        if (absolute && nanos <= execution.currentTimeMillis()) {
            if (trace.on) {
                trace.record(status.step(), me, "park (deadline passed)", site);
            }
            return; // parkUntil of a deadline that has passed (or of 0) does not block
        }
        if (trace.on) {
            trace.record(status.step(), me, "park" + (blocker == null ? "" : " on " + names.name(blocker)), site);
        }
        long deadline = absolute ? VirtualClock.deadlineAt(nanos) : nanos > 0 ? clock.deadlineIn(nanos) : VirtualClock.NO_DEADLINE;
        me.block(new LogicalThread.Blocked.Parked(blocker, deadline));
        scheduling.schedule(me);
        me.permit = false;
        if (listener != null) {
            listener.parkReturned(me.id);
        }
    }

    void unpark(LogicalThread me, Thread thread, int site) {
        LogicalThread target = threadControl.logicalOf(thread);
        scheduling.pending(me, site, target == null ? 0 : 1000 + target.id, true);
        scheduling.schedule(me);
        if (target == null) {
            if (thread != null) {
                LockSupport.unpark(thread);
            }
            return;
        }
        if (listener != null && target.status != LogicalThread.Status.FINISHED) {
            listener.unparked(me.id, target.id);
        }
        if (target.blocked() instanceof LogicalThread.Blocked.Parked) {
            target.unblock();
        } else if (target.status != LogicalThread.Status.FINISHED) {
            target.permit = true;
        }
        if (trace.on) {
            trace.record(status.step(), me, "unpark " + target.name(), site);
        }
    }
}
