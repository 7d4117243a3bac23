package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.HashSet;
import java.util.List;

/**
 * The scheduling step: at each scheduling point of the thread with the turn, the enabled set, the
 * strategy's view of it ({@link SchedulingPoint}), the strategy's choice, the runtime's own
 * corrections of it (spin detection, fairness, timeouts that fire when no thread can run), and the
 * switch ({@link #handoff}, through {@link Turns}). Counts steps, switches and preemptions. Touched
 * only by the thread with the turn; {@link #schedule} is the hot path of every hook.
 */
final class SchedulingStep implements SchedulingPoint {

    private static final int SPIN_SWITCH = 64;
    private static final int SPIN_HANG = 50_000;
    /**
     * Steps a thread may run in a row while another thread could run before it counts as spinning: a
     * retry loop that writes (an AQS acquire whose CAS keeps failing rewrites its own queue node) is
     * not a read-only spin, but when the strategy keeps choosing it, the thread it waits for never
     * runs (a switch the OS would have made long before).
     */
    private static final int RUN_SWITCH = 1_000;
    private static final boolean SPIN_OVERRIDE = RuntimeSettings.process().spinOverride();
    /**
     * Steps for which a hang for spinning is confirmed before it is declared: a thread that has read
     * {@value #SPIN_HANG} times without a write may be walking a long structure (summing a large array,
     * iterating a big map) rather than spinning; a spin reads the same few locations again and again.
     */
    private static final int SPIN_CONFIRM_STEPS = 2_000;
    /** Distinct locations read while a spin is confirmed beyond which the reading is progress, not a spin. */
    private static final int SPIN_LOCATIONS = 64;

    private final Execution execution;
    private final ExecutionStatus status;
    private final Strategy strategy;
    private final long maxSteps;
    private final List<LogicalThread> threads;
    private final Monitors monitors;
    private final TraceRecorder trace;
    private final VirtualClock clock;
    private final Turns turns;
    /** The next step at which {@link #schedule} looks beyond its fast path: the step bound, or a trace window's edge. */
    private long checkpoint;

    private LogicalThread current;
    private int[] enabled = new int[8];
    private int enabledCount;
    private int switches;
    private int preemptions;
    private long writeEpoch;

    SchedulingStep(Execution execution, ExecutionStatus status, Strategy strategy, long maxSteps, List<LogicalThread> threads,
            Monitors monitors, TraceRecorder trace, VirtualClock clock, Turns turns) {
        this.execution = execution;
        this.status = status;
        this.strategy = strategy;
        this.maxSteps = maxSteps;
        this.threads = threads;
        this.monitors = monitors;
        this.trace = trace;
        this.clock = clock;
        this.turns = turns;
        this.checkpoint = maxSteps + 1;
    }

    /**
     * When tracing an execution known to take {@code expectedSteps} steps, keeps only the events of
     * its first and last steps (see {@link ExecutionOptions#expectedSteps()} and {@link
     * TraceRecorder#keepOnly}); the steps between are one line of the trace. Called by the controller
     * before the execution starts.
     */
    void keepTraceOf(long expectedSteps) {
        checkpoint = Math.min(checkpoint, trace.keepOnly(expectedSteps));
    }

    /** The thread with the turn, or the one that had it last. */
    LogicalThread currentThread() {
        return current;
    }

    void setCurrent(LogicalThread thread) {
        current = thread;
    }

    int switches() {
        return switches;
    }

    int preemptions() {
        return preemptions;
    }

    /** At step {@code s}, the step bound or an edge of the trace window. */
    private void checkpoint(LogicalThread me, long s) {
        if (s > maxSteps) {
            execution.ending.finish(new Outcome.Hang("the execution did not finish within " + maxSteps + " steps (the step bound:"
                    + " maxSteps in @ConcurrencyTest, or weft.maxSteps)", StuckReport.of(execution).threadReport(false)));
            throw new ExecutionAbort();
        }
        long next = trace.edge(me, s);
        if (next >= 0) {
            checkpoint = Math.min(next, maxSteps + 1);
        }
    }

    /** Records what {@code me} is about to do at its next scheduling point (for the strategy and spin detection). */
    void pending(LogicalThread me, int site, long target, boolean write) {
        me.pendingSite = site;
        me.pendingTarget = target;
        me.pendingWrite = write;
        if (write) {
            writeEpoch++;
        } else {
            if (me.spinEpoch != writeEpoch) {
                me.spinEpoch = writeEpoch;
                me.readsSinceWrite = 0;
            }
            me.readsSinceWrite++;
            if (spinConfirmUntil >= 0) {
                readForSpin(me, target, true);
            }
        }
    }

    /**
     * Switches from {@code from} to {@code to}: counts the switch (a preemption when {@code from} could
     * have gone on) and gives {@code to} the turn through {@link Turns}; {@code from} then waits for its
     * own turn, unless it has ended.
     */
    void handoff(LogicalThread from, LogicalThread to) {
        current = to;
        from.runLength = 0;
        switches++;
        if (from.status == LogicalThread.Status.RUNNABLE && from.wantsMonitor == null) {
            preemptions++;
        }
        to.switchedIn = true;
        from.turn = false;
        if (to.worker == null) {
            to.turn = true;
            turns.ensureWorker(to);
        } else {
            turns.giveTurn(to);
        }
    }

    /** A scheduling point of {@code me}: ask the strategy, switch if it says so, come back with the turn. */
    void schedule(LogicalThread me) {
        if (status.aborting) {
            throw new ExecutionAbort();
        }
        if ((me.worker.atomicDepth > 0 || me.jvmMonitorBlocks > 0) && me.status == LogicalThread.Status.RUNNABLE
                && enabledNow(me)) {
            // inside a region that runs without preemption (a synchronized method of a class loaded
            // before the agent, a class initializer, a block on a monitor such methods take): a switch
            // here would hold a monitor the JVM enforces; only blocking leaves the region
            return;
        }
        long s = status.advance();
        if (s >= checkpoint) {
            checkpoint(me, s);
        }
        LogicalThread next = choose(me);
        if (next == null) {
            execution.ending.finish(execution.ending.stuckOutcome());
            throw new ExecutionAbort();
        }
        if (next != me) {
            handoff(me, next);
            turns.awaitTurn(me);
        } else if (enabledCount > 1) {
            me.runLength++;
        }
    }

    /** The thread to run next, or {@code null} when none can run and no timeout can fire. */
    LogicalThread choose(LogicalThread me) {
        computeEnabled();
        if (enabledCount == 0) {
            if (threads.get(0).status == LogicalThread.Status.FINISHED || !fireTimer()) {
                // once thread 0 has returned, threads left waiting (timed waits too) are over: see stuckOutcome
                return null;
            }
            computeEnabled();
        }
        current = me;
        int pick;
        try {
            pick = strategy.pick(this);
        } catch (RuntimeException e) {
            status.strategyFailure = e;
            execution.ending.finish(new Outcome.Uncontrolled("the strategy failed: " + e.getMessage(), ""));
            throw new ExecutionAbort();
        }
        LogicalThread chosen = pick >= 0 && pick < threads.size() ? threads.get(pick) : null;
        if (chosen == null || !isEnabled(pick)) {
            throw new IllegalStateException("strategy " + strategy.describe() + " picked thread " + pick
                    + ", which is not enabled (enabled: " + enabledList() + ")");
        }
        if (SPIN_OVERRIDE && spinning(pick)) {
            LogicalThread alternative = nonSpinningAfter(pick);
            if (alternative != null) {
                return alternative;
            }
            if (allSpinningLong() && spinConfirmed()) {
                if (fireTimer()) {
                    computeEnabled();
                    return firstTimedOut(chosen);
                }
                execution.ending.finish(new Outcome.Hang(spinReason(), StuckReport.of(execution).threadReport(false)));
                throw new ExecutionAbort();
            }
        }
        return fair(chosen);
    }

    /** Steps one thread may run in a row while others could run, before it is made to let them. */
    private static final int FAIR_STRETCH = 10_000;
    private LogicalThread stretchThread;
    private long stretchStart;

    /**
     * A strategy may keep one thread running as long as it can (PCT does, by design): a thread that
     * busy-waits for another — a {@code ForkJoinPool} worker rescanning the queues while the thread
     * that locked one to push a task is switched out, a loop around a failing compare-and-set — then
     * runs to the step bound, and correct code would be reported as a hang. The spin override above
     * does not see such loops when they write (the pool's workers write their own state on every
     * round). So after {@link #FAIR_STRETCH} steps in a row with others enabled, the next enabled
     * thread runs: a decision of the runtime's, the same in a replay. A loop that truly never ends
     * still reaches the step bound.
     */
    private LogicalThread fair(LogicalThread chosen) {
        if (chosen != stretchThread || enabledCount < 2) {
            stretchThread = chosen;
            stretchStart = status.step();
            return chosen;
        }
        if (status.step() - stretchStart < FAIR_STRETCH) {
            return chosen;
        }
        for (int i = 0; i < enabledCount; i++) {
            if (enabled[i] > chosen.id || i == enabledCount - 1) {
                int id = enabled[i] > chosen.id ? enabled[i] : enabled[0];
                stretchThread = threads.get(id);
                stretchStart = status.step();
                return stretchThread;
            }
        }
        return chosen;
    }

    private LogicalThread firstTimedOut(LogicalThread fallback) {
        for (int i = 0; i < enabledCount; i++) {
            LogicalThread t = threads.get(enabled[i]);
            if (t.timedOut()) {
                return t;
            }
        }
        return fallback;
    }

    private void computeEnabled() {
        int n = threads.size();
        if (enabled.length < n) {
            enabled = new int[n * 2];
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (enabledNow(threads.get(i))) {
                enabled[count++] = i;
            }
        }
        enabledCount = count;
    }

    boolean enabledNow(LogicalThread t) {
        if (t.status != LogicalThread.Status.RUNNABLE) {
            return false;
        }
        return t.wantsMonitor == null || monitors.free(t.wantsMonitor, t);
    }

    private boolean fireTimer() {
        LogicalThread first = VirtualClock.firstDeadline(threads);
        if (first == null) {
            return false;
        }
        clock.fireAt(first.deadline());
        first.wake(LogicalThread.Wake.TIMED_OUT);
        return true;
    }

    private LogicalThread nonSpinningAfter(int pick) {
        for (int k = 1; k <= enabledCount; k++) {
            for (int i = 0; i < enabledCount; i++) {
                int candidate = enabled[i];
                if (candidate == (pick + k) % threads.size() && !spinning(candidate)) {
                    return threads.get(candidate);
                }
            }
        }
        return null;
    }

    /** While a spin is being confirmed ({@link #spinConfirmed}): the step that ends it, else -1. */
    private long spinConfirmUntil = -1;
    private long spinConfirmEpoch;
    private final HashSet<Long> spinLocations = new HashSet<>();

    /**
     * Whether every enabled thread, having read {@value #SPIN_HANG} times without a write, has gone on
     * for {@value #SPIN_CONFIRM_STEPS} more steps reading no more than {@value #SPIN_LOCATIONS} locations
     * (starts that confirmation when it is not under way). A load whose location the runtime does not
     * know (an atomic one) counts as progress ({@link #readForSpin}): such a spin ends at the step bound.
     */
    private boolean spinConfirmed() {
        if (spinConfirmUntil < 0 || spinConfirmEpoch != writeEpoch) {
            spinConfirmUntil = status.step() + SPIN_CONFIRM_STEPS;
            spinConfirmEpoch = writeEpoch;
            spinLocations.clear();
            return false;
        }
        return status.step() >= spinConfirmUntil;
    }

    /** An atomic load of {@code me}: a read whose location the runtime does not know, while a spin is confirmed. */
    void atomicLoad(LogicalThread me) {
        if (spinConfirmUntil >= 0) {
            readForSpin(me, 0, false);
        }
    }

    /** A read of {@code me} at {@code location} (0: not a memory access) while a spin is confirmed. */
    private void readForSpin(LogicalThread me, long location, boolean known) {
        boolean progress = !known || location != 0 && spinLocations.add(location) && spinLocations.size() > SPIN_LOCATIONS;
        if (progress) {
            me.readsSinceWrite = 0; // it reads new locations: a walk over data, not a spin
            spinConfirmUntil = -1;
        }
    }

    private boolean allSpinningLong() {
        for (int i = 0; i < enabledCount; i++) {
            LogicalThread t = threads.get(enabled[i]);
            if (t.spinEpoch != writeEpoch || t.readsSinceWrite < SPIN_HANG) {
                return false;
            }
        }
        return true;
    }

    private String spinReason() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < enabledCount; i++) {
            LogicalThread t = threads.get(enabled[i]);
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(t.name()).append(" spins at ").append(Sites.get(t.pendingSite).location());
        }
        return text + " and no other thread can change what it reads";
    }

    private String enabledList() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < enabledCount; i++) {
            text.append(i == 0 ? "" : ", ").append(enabled[i]);
        }
        return text.append(']').toString();
    }

    // ------------------------------------------------------------------ SchedulingPoint

    @Override
    public long step() {
        return status.step();
    }

    @Override
    public int current() {
        return current.id;
    }

    @Override
    public int threadCount() {
        return threads.size();
    }

    @Override
    public boolean isEnabled(int thread) {
        for (int i = 0; i < enabledCount; i++) {
            if (enabled[i] == thread) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int enabledCount() {
        return enabledCount;
    }

    @Override
    public int enabled(int i) {
        if (i < 0 || i >= enabledCount) {
            throw new IndexOutOfBoundsException("enabled thread index " + i + " out of " + enabledCount);
        }
        return enabled[i];
    }

    @Override
    public long pendingTarget(int thread) {
        return threads.get(thread).pendingTarget;
    }

    @Override
    public boolean pendingWrite(int thread) {
        return threads.get(thread).pendingWrite;
    }

    @Override
    public String pendingLocation(int thread) {
        LogicalThread t = threads.get(thread);
        return t.pendingSite == 0 ? "start of " + t.name() : Sites.get(t.pendingSite).location();
    }

    @Override
    public boolean spinning(int thread) {
        LogicalThread t = threads.get(thread);
        return t.spinEpoch == writeEpoch && t.readsSinceWrite >= SPIN_SWITCH || t.runLength >= RUN_SWITCH;
    }
}
