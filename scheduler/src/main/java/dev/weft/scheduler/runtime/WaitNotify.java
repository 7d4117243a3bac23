package dev.weft.scheduler.runtime;

/**
 * {@code Object.wait} (timed or not) and {@code notify}/{@code notifyAll} on the model of {@link
 * Monitors}: a waiter releases the monitor, blocks until notified, interrupted or timed out, then
 * takes the monitor back when the strategy lets it (it waits physically on the monitor meanwhile, as
 * {@link Turns} explains). Called by the {@link Execution} facade on the thread with the turn.
 */
final class WaitNotify {

    private final Execution execution;
    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final ExecutionStatus status;
    private final ExecutionListener listener;
    private final ObjectNames names;
    private final VirtualClock clock;
    private final Monitors monitors;

    WaitNotify(Execution execution) {
        this.execution = execution;
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.status = execution.status;
        this.listener = execution.listener;
        this.names = execution.names;
        this.clock = execution.clock;
        this.monitors = execution.monitors;
    }

    void waitOn(LogicalThread me, Object monitor, long millis, int site) throws InterruptedException {
        // no scheduling point before the wait itself: the thread holds the monitor in the JVM, and
        // a synchronized method of a retransformed class enters it without asking the runtime
        scheduling.pending(me, site, execution.identity(monitor), true);
        if (status.aborting) {
            throw new ExecutionAbort();
        }
        MonitorState m = monitors.held(me, monitor);
        if (me.interrupted) {
            me.interrupted = false;
            execution.interruptObserved(me);
            throw new InterruptedException();
        }
        if (trace.on) {
            trace.record(status.step(), me, "wait " + names.name(monitor), site);
        }
        if (listener != null) {
            listener.monitorReleased(me.id, monitor);
        }
        int savedCount = Monitors.beginWait(me, m);
        me.block(new LogicalThread.Blocked.Waiting(monitor, clock.deadlineInMillis(millis)));
        me.physicalWait = monitor;
        try {
            scheduling.schedule(me);
        } finally {
            me.physicalWait = null;
            me.wantsMonitor = null;
            Monitors.leaveWaitSet(me, m);
        }
        Monitors.endWait(me, m, savedCount);
        if (listener != null) {
            listener.monitorAcquired(me.id, monitor);
        }
        if (trace.on) {
            trace.record(status.step(), me, (me.timedOut() ? "timed out, relock " : "woken, relock ") + names.name(monitor), site);
        }
        if (me.takeInterruptedWake()) {
            me.interrupted = false;
            execution.interruptObserved(me);
            throw new InterruptedException();
        }
    }

    void notify(LogicalThread me, Object monitor, boolean all, int site) {
        scheduling.pending(me, site, execution.identity(monitor), true);
        scheduling.schedule(me);
        int woken = Monitors.notify(monitors.held(me, monitor), monitor, all);
        if (trace.on) {
            trace.record(status.step(), me, (all ? "notifyAll " : "notify ") + names.name(monitor)
                    + (woken == 0 ? " (no waiter)" : ""), site);
        }
    }
}
