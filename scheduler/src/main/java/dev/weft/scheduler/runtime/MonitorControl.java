package dev.weft.scheduler.runtime;

/**
 * {@code synchronized} blocks and methods, {@code Object.wait} (timed or not) and {@code
 * notify}/{@code notifyAll}, on the model of {@link Monitors}. A thread enters a monitor at a
 * scheduling point at which it is enabled only while the monitor is free; a synchronized method of a
 * class loaded before the agent is entered by the JVM without asking, so it is recorded, with no
 * scheduling point. A waiter releases the monitor and blocks until notified, interrupted or timed out,
 * then takes the monitor back when the strategy lets it (it waits physically on the monitor
 * meanwhile, as {@link Turns} explains). Called by the {@link Execution} facade on the thread with the
 * turn.
 */
final class MonitorControl {

    private final Execution execution;
    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final ExecutionStatus status;
    private final ExecutionListener listener;
    private final ObjectNames names;
    private final VirtualClock clock;
    private final Monitors monitors;
    private final ThreadControl threadControl;

    MonitorControl(Execution execution) {
        this.execution = execution;
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.status = execution.status;
        this.listener = execution.listener;
        this.names = execution.names;
        this.clock = execution.clock;
        this.monitors = execution.monitors;
        this.threadControl = execution.threadControl;
    }

    void enter(LogicalThread me, Object monitor, int site) {
        scheduling.pending(me, site, execution.identity(monitor), true);
        me.wantsMonitor = monitor;
        try {
            scheduling.schedule(me);
        } finally {
            me.wantsMonitor = null;
        }
        monitors.acquire(me, monitor);
        if (JvmSynchronizedClasses.takenByTheJvm(monitor)) {
            // another thread may call a synchronized method on it, whose monitor the JVM takes
            // before Weft hears of it: never switched out holding it, this thread cannot leave it blocked
            me.jvmMonitorBlocks++;
        }
        if (listener != null) {
            listener.monitorAcquired(me.id, monitor);
        }
        if (trace.on) {
            trace.record(status.step(), me, "lock " + names.name(monitor), site);
        }
    }

    void exit(LogicalThread me, Object monitor, int site) {
        if (monitors.release(me, monitor)) {
            if (me.jvmMonitorBlocks > 0 && JvmSynchronizedClasses.takenByTheJvm(monitor)) {
                me.jvmMonitorBlocks--;
            }
            if (listener != null && !status.aborting) {
                listener.monitorReleased(me.id, monitor);
            }
        }
        if (trace.on && !status.aborting) {
            trace.record(status.step(), me, "unlock " + names.name(monitor), site);
        }
    }

    void syncMethodEnter(LogicalThread me, Object monitor) {
        monitors.acquire(me, monitor);
        if (listener != null) {
            listener.monitorAcquired(me.id, monitor);
        }
    }

    void syncMethodExit(LogicalThread me, Object monitor) {
        if (monitors.release(me, monitor)) {
            if (listener != null && !status.aborting) {
                listener.monitorReleased(me.id, monitor);
            }
        }
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
            threadControl.interruptObserved(me);
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
            threadControl.interruptObserved(me);
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
