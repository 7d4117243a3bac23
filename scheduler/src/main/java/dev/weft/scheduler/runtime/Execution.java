package dev.weft.scheduler.runtime;

import dev.weft.boot.RuntimeHooks;
import dev.weft.boot.WorkerState;
import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.SeedMix;
import dev.weft.scheduler.strategy.Strategy;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One controlled execution. Exactly one logical thread holds the turn at any time; it alone touches
 * this object's state (handoffs go through volatile {@code turn} flags, which order everything).
 * Hooks arrive here on the thread's own worker; the worker's {@code active} flag is cleared while
 * runtime code runs so that the runtime's own use of instrumented collections is not observed.
 */
final class Execution extends RuntimeHooks implements SchedulingPoint, ExecutionControl {

    static final long EPOCH_MILLIS = 1_767_225_600_000L; // virtual wall clock starts at 2026-01-01T00:00:00Z
    private static final long NANOS_PER_STEP = 1_000;
    private static final int SPIN_SWITCH = 64;
    private static final int SPIN_HANG = 50_000;
    /** Longer timeouts are taken as this (a century): the virtual clock counts nanoseconds in a long. */
    private static final long MAX_TIMEOUT_MILLIS = 100L * 365 * 24 * 3600 * 1000;
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

    private final Strategy strategy;
    private final long seed;
    private final long maxSteps;
    /** Whether events are recorded now: off in the middle of a long traced execution ({@link #keepTraceOf}). */
    private boolean tracing;
    /** The next step at which {@link #schedule} looks beyond its fast path: the step bound, or a trace window's edge. */
    private long checkpoint;
    private long quietFrom = Long.MAX_VALUE;
    private long quietUntil = Long.MAX_VALUE;
    private final WorkerPool pool;
    private final Thread controller;

    private final List<LogicalThread> threads = new ArrayList<>(4);
    private final IdentityHashMap<Thread, LogicalThread> byThread = new IdentityHashMap<>();
    private final IdentityHashMap<Object, MonitorState> monitors = new IdentityHashMap<>();
    private final ObjectNames names = new ObjectNames();
    private final List<TraceEvent> trace;
    /** The array of the last traced element read, whose value comes next (its element type shows booleans and chars). */
    private Object lastArrayRead;
    /** The detectors, or {@code null}: every event then costs one null check. */
    private final ExecutionListener listener;
    private final DetectionMode detection;
    private final Warnings warnings = new Warnings(Warnings.LIMIT);
    private final java.util.TreeMap<String, Integer> suppressed = new java.util.TreeMap<>();

    private LogicalThread current;
    private int[] enabled = new int[8];
    private int enabledCount;
    /** Scheduling points passed; written by the thread with the turn, read (opaquely) by the watchdog. */
    private long step;
    private static final java.lang.invoke.VarHandle STEP;

    static {
        try {
            STEP = java.lang.invoke.MethodHandles.lookup().findVarHandle(Execution.class, "step", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The step counter as the watchdog sees it: eventually up to date, without a fence per step. */
    long progress() {
        return (long) STEP.getOpaque(this);
    }
    private int switches;
    private int preemptions;
    private long clockNanos;
    private long writeEpoch;
    private long draws;
    private long hashStep = -1;
    private int hashesInStep;

    private volatile Outcome verdict;
    /** An exception thrown by the strategy (a replay that diverged); rethrown to the caller. */
    volatile RuntimeException strategyFailure;
    volatile boolean aborting;
    volatile boolean done;

    private final ThreadObjects threadObjects;

    Execution(Strategy strategy, long seed, long maxSteps, boolean tracing, WorkerPool pool, Thread controller,
            ExecutionListener listener, DetectionMode detection, ThreadObjects threadObjects) {
        IdentityHashes.requireValidSetting();
        this.threadObjects = threadObjects;
        this.listener = listener;
        this.detection = detection;
        this.strategy = strategy;
        this.seed = seed;
        this.maxSteps = maxSteps;
        this.checkpoint = maxSteps + 1;
        this.tracing = tracing;
        this.pool = pool;
        this.controller = controller;
        this.trace = tracing ? new ArrayList<>() : null;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Creates thread 0 with the program's body and gives it the turn. Called by the controller. */
    void start(Program program) {
        threadObjects.reset();
        Thread main = threadObjects.next();
        LogicalThread root = new LogicalThread(0, main, () -> {
            try {
                program.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ProgramException(t);
            }
        }, true);
        threads.add(root);
        byThread.put(main, root);
        if (listener != null) {
            listener.executionStarted(this);
        }
        current = root;
        root.switchedIn = false;
        root.turn = true;
        if (rootWorker != null) {
            root.worker = rootWorker; // the calling driver runs thread 0 itself (Controller#execute)
            return;
        }
        pool.take().assign(this, root);
    }

    /**
     * When tracing an execution known to take {@code expectedSteps} steps, keeps only the events of
     * its first and last steps (see {@link ExecutionOptions#expectedSteps()}); the steps between are
     * one line of the trace. Called by the controller before the execution starts.
     */
    void keepTraceOf(long expectedSteps) {
        long from = ExecutionOptions.TRACE_HEAD_STEPS + 1;
        long until = expectedSteps - ExecutionOptions.TRACE_TAIL_STEPS;
        if (tracing && until - from > ExecutionOptions.TRACE_TAIL_STEPS) {
            quietFrom = from;
            quietUntil = until;
            checkpoint = Math.min(checkpoint, from);
        }
    }

    /** At step {@code s}, the step bound or an edge of the trace window. */
    private void checkpoint(LogicalThread me, long s) {
        if (s > maxSteps) {
            finish(new Outcome.Hang("the execution did not finish within " + maxSteps + " steps (the step bound:"
                    + " maxSteps in @ConcurrencyTest, or weft.maxSteps)", threadReport(false)));
            throw new ExecutionAbort();
        }
        if (s == quietFrom) {
            tracing = false;
            checkpoint = Math.min(quietUntil, maxSteps + 1);
        } else if (s == quietUntil) {
            tracing = true;
            trace.add(TraceEvent.omitted(s - 1, me.id, quietUntil - quietFrom));
            me.lastEvent = -1;
            checkpoint = maxSteps + 1;
        }
    }

    /** The worker that runs thread 0 on the thread that started the execution, or {@code null} for a pooled one. */
    Worker rootWorker;

    LogicalThread root() {
        return threads.get(0);
    }

    /** Gives a thread that has never run a worker; it starts with the turn already set. */
    private void ensureWorker(LogicalThread thread) {
        if (thread.worker == null) {
            pool.take().assign(this, thread);
        }
    }

    /** Runs a logical thread on its worker; called by {@link Worker}. */
    void runThread(Worker worker, LogicalThread thread) {
        try {
            awaitTurn(thread);
            worker.active = true;
            thread.body.run();
        } catch (ExecutionAbort abort) {
            // unwound: the verdict was reached elsewhere
        } catch (Throwable error) {
            worker.active = false;
            Throwable cause = error instanceof ProgramException p ? p.getCause() : error;
            if (!aborting) {
                String poisoned = initializerStoppedByWeft(cause);
                if (poisoned != null) {
                    finish(new Outcome.Uncontrolled(
                        "weft stopped an earlier execution inside the static initializer of " + poisoned
                                + ", and the JVM never runs an initializer twice: every later use of the class fails",
                        "    " + cause + "\n"));
                } else {
                    uncaught(worker, thread, cause);
                }
            }
        } finally {
            worker.active = false;
            worker.atomicDepth = 0;
            worker.quietDepth = 0;
            worker.initDepth = 0;
            threadFinished(thread);
        }
    }

    /**
     * The class whose initializer an {@link ExecutionAbort} went through (the JVM then answers every
     * later use with {@code NoClassDefFoundError: Could not initialize class …}, its cause naming the
     * abort), when {@code error} is such a failure; else {@code null}. The failure is Weft's, not the
     * program's.
     */
    private static String initializerStoppedByWeft(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoClassDefFoundError && t.getCause() != null
                    && String.valueOf(t.getCause().getMessage()).contains(ExecutionAbort.class.getName())) {
                String message = String.valueOf(t.getMessage());
                return message.startsWith("Could not initialize class ")
                        ? message.substring("Could not initialize class ".length()) : message;
            }
        }
        return null;
    }

    /**
     * An exception {@code thread}'s {@code run()} threw. Thread 0 is the test's body: its exception is
     * the verdict. Another thread's goes, as in the JVM, to the handler the program gave it ({@link
     * UncaughtHandlers}), called on the thread itself (its steps are scheduling points like the rest of
     * its code); the thread then ends quietly, with a note. With no handler of the program's, or when the
     * handler throws (the JVM would ignore that; a test's handler that throws means to fail), the
     * exception is the verdict.
     */
    private void uncaught(Worker worker, LogicalThread thread, Throwable error) {
        Thread.UncaughtExceptionHandler handler = thread.id == 0 ? null : UncaughtHandlers.of(thread.thread);
        if (handler == null) {
            finish(new Outcome.Failed(thread.id, error));
            return;
        }
        worker.active = true;
        try {
            handler.uncaughtException(thread.thread, error);
        } catch (ExecutionAbort abort) {
            return; // a verdict was reached meanwhile
        } catch (Throwable thrown) {
            worker.active = false;
            if (!aborting) {
                finish(new Outcome.Failed(thread.id, thrown));
            }
            return;
        } finally {
            worker.active = false;
        }
        String note = thread.name() + "'s uncaught " + error.getClass().getName() + " went to " + UncaughtHandlers.describe(thread.thread, handler)
                + ", which returned, as in the JVM (a handler that throws fails the test)";
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    private void threadFinished(LogicalThread thread) {
        if (listener != null && !aborting) {
            listener.threadFinished(thread.id);
        }
        thread.status = LogicalThread.Status.FINISHED;
        thread.finished = true;
        thread.turn = false;
        if (!thread.worker.driver) {
            pool.release(thread.worker);
        }
        if (aborting) {
            LockSupport.unpark(controller);
            return;
        }
        for (LogicalThread other : threads) {
            if (other.status == LogicalThread.Status.BLOCKED && other.block == LogicalThread.Block.JOIN
                    && other.blockedOn == thread) {
                other.unblock();
            }
        }
        if (allFinished()) {
            finish(new Outcome.Passed());
            return;
        }
        try {
            LogicalThread next = choose(thread);
            if (next == null) {
                finish(stuckOutcome());
                return;
            }
            handoff(thread, next);
        } catch (ExecutionAbort abort) {
            // the verdict is set; the controller unwinds the rest
        }
    }

    private boolean allFinished() {
        for (LogicalThread t : threads) {
            if (t.status != LogicalThread.Status.FINISHED) {
                return false;
            }
        }
        return true;
    }

    /** Records the verdict (the first one wins) and wakes the controller. */
    private void finish(Outcome outcome) {
        if (verdict == null) {
            verdict = weftFailure != null && !(outcome instanceof Outcome.Uncontrolled) ? weftFailed() : outcome;
        }
        if (!allFinished()) {
            aborting = true;
        }
        done = true;
        LockSupport.unpark(controller);
        Thread watching = watcher;
        if (watching != null && aborting && !root().finished) {
            // thread 0 runs on the controller's own thread and may wait for a turn it will not get:
            // the watcher wakes it to unwind (an execution that ends normally leaves the watcher parked)
            LockSupport.unpark(watching);
        }
    }

    /** The thread that watches this execution while its thread 0 runs on the controlling thread, or {@code null}. */
    volatile Thread watcher;

    /** Called by the controller when the watchdog gives up on a thread. */
    void finishFromController(Outcome outcome) {
        if (verdict == null) {
            verdict = outcome;
        }
        aborting = true;
        done = true;
    }

    Outcome verdict() {
        return verdict;
    }

    List<LogicalThread> threads() {
        return threads;
    }

    LogicalThread currentThreadState() {
        return current;
    }

    long steps() {
        return step;
    }

    int switches() {
        return switches;
    }

    int preemptions() {
        return preemptions;
    }

    List<TraceEvent> trace() {
        return trace;
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
                MonitorState m = monitors.get(waiter.physicalWait);
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

    // ------------------------------------------------------------------ scheduling

    private void awaitTurn(LogicalThread me) {
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
                if (aborting) {
                    Thread.interrupted(); // wakeToUnwind's interrupt, when the turn was seen before it came
                }
            } else {
                while (!me.turn) {
                    // a blocked thread yields too: it is most often thread 0 waiting in a join for
                    // the last thread, which ends within microseconds, and an OS wake-up costs 10–50 µs
                    // (a blocked thread that parked is unparked when unblocked, see
                    // LogicalThread#unblock)
                    me.worker.awaitOrPark(() -> me.turn, this);
                }
            }
            me.awaiting = false;
        }
        WorkerState.running = me.worker;
        if (aborting) {
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
    private void giveTurn(LogicalThread thread) {
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

    private void handoff(LogicalThread from, LogicalThread to) {
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
            ensureWorker(to);
        } else {
            giveTurn(to);
        }
    }

    /** A scheduling point of {@code me}: ask the strategy, switch if it says so, come back with the turn. */
    private void schedule(LogicalThread me) {
        if (aborting) {
            throw new ExecutionAbort();
        }
        if ((me.worker.atomicDepth > 0 || me.jvmMonitorBlocks > 0) && me.status == LogicalThread.Status.RUNNABLE
                && enabledNow(me)) {
            // inside a region that runs without preemption (a synchronized method of a class loaded
            // before the agent, a class initializer, a block on a monitor such methods take): a switch
            // here would hold a monitor the JVM enforces; only blocking leaves the region
            return;
        }
        long s = step + 1;
        STEP.setOpaque(this, s);
        clockNanos += NANOS_PER_STEP;
        if (s >= checkpoint) {
            checkpoint(me, s);
        }
        LogicalThread next = choose(me);
        if (next == null) {
            finish(stuckOutcome());
            throw new ExecutionAbort();
        }
        if (next != me) {
            handoff(me, next);
            awaitTurn(me);
        } else if (enabledCount > 1) {
            me.runLength++;
        }
    }

    /** The thread to run next, or {@code null} when none can run and no timeout can fire. */
    private LogicalThread choose(LogicalThread me) {
        computeEnabled();
        if (enabledCount == 0) {
            if (root().status == LogicalThread.Status.FINISHED || !fireTimer()) {
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
            strategyFailure = e;
            finish(new Outcome.Uncontrolled("the strategy failed: " + e.getMessage(), ""));
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
                finish(new Outcome.Hang(spinReason(), threadReport(false)));
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
            stretchStart = step;
            return chosen;
        }
        if (step - stretchStart < FAIR_STRETCH) {
            return chosen;
        }
        for (int i = 0; i < enabledCount; i++) {
            if (enabled[i] > chosen.id || i == enabledCount - 1) {
                int id = enabled[i] > chosen.id ? enabled[i] : enabled[0];
                stretchThread = threads.get(id);
                stretchStart = step;
                return stretchThread;
            }
        }
        return chosen;
    }

    private LogicalThread firstTimedOut(LogicalThread fallback) {
        for (int i = 0; i < enabledCount; i++) {
            LogicalThread t = threads.get(enabled[i]);
            if (t.timedOut) {
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

    private boolean enabledNow(LogicalThread t) {
        if (t.status != LogicalThread.Status.RUNNABLE) {
            return false;
        }
        if (t.wantsMonitor != null) {
            MonitorState m = monitors.get(t.wantsMonitor);
            return m == null || m.owner == null || m.owner == t;
        }
        return true;
    }

    private boolean fireTimer() {
        LogicalThread first = null;
        for (LogicalThread t : threads) {
            if (t.status == LogicalThread.Status.BLOCKED && t.timed && (first == null || t.deadline < first.deadline)) {
                first = t;
            }
        }
        if (first == null) {
            return false;
        }
        clockNanos = Math.max(clockNanos, first.deadline);
        boolean waiting = first.block == LogicalThread.Block.WAIT;
        Object monitor = first.blockedOn;
        first.unblock();
        first.timedOut = true;
        if (waiting) {
            first.wantsMonitor = monitor;
        }
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
    private final java.util.HashSet<Long> spinLocations = new java.util.HashSet<>();

    /**
     * Whether every enabled thread, having read {@value #SPIN_HANG} times without a write, has gone on
     * for {@value #SPIN_CONFIRM_STEPS} more steps reading no more than {@value #SPIN_LOCATIONS} locations
     * (starts that confirmation when it is not under way). A load whose location the runtime does not
     * know (an atomic one) counts as progress ({@link #readForSpin}): such a spin ends at the step bound.
     */
    private boolean spinConfirmed() {
        if (spinConfirmUntil < 0 || spinConfirmEpoch != writeEpoch) {
            spinConfirmUntil = step + SPIN_CONFIRM_STEPS;
            spinConfirmEpoch = writeEpoch;
            spinLocations.clear();
            return false;
        }
        return step >= spinConfirmUntil;
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
        return step;
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

    // ------------------------------------------------------------------ hook plumbing

    /** The worker of the calling thread; hooks arrive only on the worker with the turn. */
    private static Worker worker() {
        return (Worker) WorkerState.running;
    }

    private void pending(LogicalThread me, int site, long target, boolean write) {
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

    private long targetOf(Object owner, int site) {
        long member = Sites.get(site).member().hashCode();
        return owner == null ? (member << 1) | 1 : ((long) identity(owner) << 32) ^ member;
    }

    private static final TraceValues.Origin NO_ORIGIN = new TraceValues.Origin("", "", "");

    private void record(LogicalThread me, String text, int site) {
        if (!tracing) {
            return;
        }
        String location = site == 0 ? "" : Sites.get(site).shortLocation();
        TraceValues.Origin origin = site != 0 && StackFilter.jdk(Sites.get(site).className()) ? TraceValues.origin() : NO_ORIGIN;
        trace.add(new TraceEvent(step, me.id, text, location, me.switchedIn, site, origin.userFrame(), origin.library(),
                origin.call()));
        me.switchedIn = false;
        me.lastEvent = trace.size() - 1;
        me.lastSite = site;
    }

    private void appendToLast(LogicalThread me, int site, String suffix) {
        if (!tracing || me.lastEvent < 0 || me.lastSite != site) {
            return;
        }
        TraceEvent e = trace.get(me.lastEvent);
        trace.set(me.lastEvent, new TraceEvent(e.step(), e.thread(), e.text() + suffix, e.location(), e.switchedTo(),
                e.site(), e.userFrame(), e.library(), e.libraryCall()));
        me.lastSite = -1;
    }

    private String field(Object owner, int site) {
        String member = Sites.get(site).member();
        if (owner == null) {
            return member;
        }
        return names.name(owner) + member.substring(member.indexOf('.'));
    }

    // ------------------------------------------------------------------ memory accesses

    @Override
    public void read(Object owner, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, targetOf(owner, site), false);
            schedule(me);
            if (listener != null) {
                listener.fieldAccess(me.id, owner, site, false);
            }
            if (tracing) {
                record(me, field(owner, site), site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void write(Object owner, int site) {
        writeValue(owner, (Object) "…", site);
    }

    @Override
    public void writeValue(Object owner, long value, int site) {
        fieldWrite(owner, tracing ? (Object) value : null, site); // boxed only for the trace
    }

    @Override
    public void writeValue(Object owner, Object value, int site) {
        fieldWrite(owner, value, site);
    }

    private void fieldWrite(Object owner, Object value, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, targetOf(owner, site), true);
            schedule(me);
            if (listener != null) {
                listener.fieldAccess(me.id, owner, site, true);
            }
            if (tracing) {
                String shown = "…".equals(value) ? "…" : TraceValues.fieldValue(names, owner, value, site);
                record(me, field(owner, site) + " = " + shown, site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void arrayRead(Object array, int index, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, ((long) identity(array) << 32) ^ index, false);
            schedule(me);
            if (listener != null) {
                listener.arrayAccess(me.id, array, index, site, false);
            }
            if (tracing) {
                lastArrayRead = array;
                record(me, names.name(array) + "[" + index + "]", site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void arrayWrite(Object array, int index, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, ((long) identity(array) << 32) ^ index, true);
            schedule(me);
            if (listener != null) {
                listener.arrayAccess(me.id, array, index, site, true);
            }
            if (tracing) {
                record(me, names.name(array) + "[" + index + "] = …", site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void readValue(Object value, int site) {
        if (!tracing) {
            return;
        }
        Worker w = worker();
        w.active = false;
        try {
            appendToLast(w.current, site, " ➜ " + TraceValues.readValue(names, value, site, lastArrayRead));
        } finally {
            w.active = true;
        }
    }

    @Override
    public void readValue(long value, int site) {
        if (tracing) {
            readValue((Object) value, site);
        }
    }

    @Override
    public void atomic(Object owner, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            if (owner != null) {
                identity(owner); // decided here, in every run, before any table of Weft's hashes it
            }
            // a load (getAcquire, Unsafe.getIntVolatile, …) is a read for spin detection: a loop that only
            // loads waits for another thread, as one on a volatile field does; the race detector still
            // takes every atomic operation as an acquire and a release on its owner
            boolean load = Sites.get(site).isAtomicLoad();
            pending(me, site, 0, !load);
            if (load && spinConfirmUntil >= 0) {
                readForSpin(me, 0, false);
            }
            schedule(me);
            if (listener != null) {
                listener.atomic(me.id, owner, site);
            }
            if (tracing) {
                record(me, Sites.get(site).member(), site);
            }
        } finally {
            w.active = true;
        }
    }

    // ------------------------------------------------------------------ monitors

    /** The logical thread of a {@code Thread} object, or {@code null}; decides the object's hash first. */
    private LogicalThread logicalOf(Thread thread) {
        if (thread == null) {
            return null;
        }
        identity(thread);
        return byThread.get(thread);
    }

    /** The model of a monitor, or {@code null} if none was entered; decides the object's hash first. */
    private MonitorState knownMonitor(Object object) {
        identity(object);
        return monitors.get(object);
    }

    private MonitorState monitor(Object object) {
        MonitorState m = knownMonitor(object);
        if (m == null) {
            m = new MonitorState();
            monitors.put(object, m);
        }
        return m;
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, identity(monitor), true);
            me.wantsMonitor = monitor;
            try {
                schedule(me);
            } finally {
                me.wantsMonitor = null;
            }
            MonitorState m = monitor(monitor);
            m.owner = me;
            m.count++;
            if (JvmSynchronizedClasses.takenByTheJvm(monitor)) {
                // another thread may call a synchronized method on it, whose monitor the JVM takes
                // before Weft hears of it: never switched out holding it, this thread cannot leave it blocked
                me.jvmMonitorBlocks++;
            }
            if (listener != null) {
                listener.monitorAcquired(me.id, monitor);
            }
            if (tracing) {
                record(me, "lock " + names.name(monitor), site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            MonitorState m = knownMonitor(monitor);
            LogicalThread me = w.current;
            if (m != null && m.owner == me) {
                if (--m.count == 0) {
                    m.owner = null;
                }
                if (me.jvmMonitorBlocks > 0 && JvmSynchronizedClasses.takenByTheJvm(monitor)) {
                    me.jvmMonitorBlocks--;
                }
                if (listener != null && !aborting) {
                    listener.monitorReleased(me.id, monitor);
                }
            }
            if (tracing && !aborting) {
                record(me, "unlock " + names.name(monitor), site);
            }
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public void syncMethodEnter(Object monitor, int site) {
        Worker w = worker();
        w.active = false;
        try {
            MonitorState m = monitor(monitor);
            m.owner = w.current;
            m.count++;
            if (listener != null) {
                listener.monitorAcquired(w.current.id, monitor);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void syncMethodExit(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            MonitorState m = knownMonitor(monitor);
            if (m != null && m.owner == w.current) {
                if (--m.count == 0) {
                    m.owner = null;
                }
                if (listener != null && !aborting) {
                    listener.monitorReleased(w.current.id, monitor);
                }
            }
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            // no scheduling point before the wait itself: the thread holds the monitor in the JVM, and
            // a synchronized method of a retransformed class enters it without asking the runtime
            pending(me, site, identity(monitor), true);
            if (aborting) {
                throw new ExecutionAbort();
            }
            MonitorState m = knownMonitor(monitor);
            if (m == null || m.owner != me) {
                throw new IllegalMonitorStateException("current thread is not owner");
            }
            if (me.interrupted) {
                me.interrupted = false;
                interruptObserved(me);
                throw new InterruptedException();
            }
            if (tracing) {
                record(me, "wait " + names.name(monitor), site);
            }
            me.savedMonitorCount = m.count;
            if (listener != null) {
                listener.monitorReleased(me.id, monitor);
            }
            m.owner = null;
            m.count = 0;
            m.waitSet.add(me);
            me.notified = false;
            me.interruptedWake = false;
            me.status = LogicalThread.Status.BLOCKED;
            me.block = LogicalThread.Block.WAIT;
            me.blockedOn = monitor;
            me.deadline = deadlineIn(nanosOf(millis));
            me.timed = millis > 0 && me.deadline != NO_DEADLINE;
            me.physicalWait = monitor;
            try {
                schedule(me);
            } finally {
                me.physicalWait = null;
                me.wantsMonitor = null;
                m.waitSet.remove(me);
            }
            m.owner = me;
            m.count = me.savedMonitorCount;
            if (listener != null) {
                listener.monitorAcquired(me.id, monitor);
            }
            if (tracing) {
                record(me, (me.timedOut ? "timed out, relock " : "woken, relock ") + names.name(monitor), site);
            }
            if (me.interruptedWake) {
                me.interruptedWake = false;
                me.interrupted = false;
                interruptObserved(me);
                throw new InterruptedException();
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void notify(Object monitor, boolean all, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, identity(monitor), true);
            schedule(me);
            MonitorState m = knownMonitor(monitor);
            if (m == null || m.owner != me) {
                throw new IllegalMonitorStateException("current thread is not owner");
            }
            int woken = 0;
            for (LogicalThread waiter : m.waitSet) {
                if (waiter.status == LogicalThread.Status.BLOCKED && waiter.block == LogicalThread.Block.WAIT) {
                    waiter.unblock();
                    waiter.notified = true;
                    waiter.wantsMonitor = monitor;
                    woken++;
                    if (!all) {
                        break;
                    }
                }
            }
            if (tracing) {
                record(me, (all ? "notifyAll " : "notify ") + names.name(monitor)
                        + (woken == 0 ? " (no waiter)" : ""), site);
            }
        } finally {
            w.active = true;
        }
    }

    /** A deadline beyond the virtual clock's range (about 292 years): the thread waits as if it had none. */
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    /** The virtual time {@code nanos} from now, or {@link #NO_DEADLINE}. */
    private long deadlineIn(long nanos) {
        return nanos >= NO_DEADLINE - clockNanos ? NO_DEADLINE : clockNanos + nanos;
    }

    /** {@code millis} in nanoseconds, or {@link #NO_DEADLINE} when that does not fit. */
    private static long nanosOf(long millis) {
        return millis >= NO_DEADLINE / 1_000_000L ? NO_DEADLINE : millis * 1_000_000L;
    }

    // ------------------------------------------------------------------ park / unpark

    @Override
    public void park(Object blocker, long nanos, boolean absolute, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, 0, true);
            schedule(me);
            if (me.permit) {
                me.permit = false;
                if (listener != null) {
                    listener.parkReturned(me.id);
                }
                if (tracing) {
                    record(me, "park (permit available)", site);
                }
                return;
            }
            if (me.interrupted) {
                return;
            }
            if (absolute && nanos <= currentTimeMillis()) {
                if (tracing) {
                    record(me, "park (deadline passed)", site);
                }
                return; // parkUntil of a deadline that has passed (or of 0) does not block
            }
            if (tracing) {
                record(me, "park" + (blocker == null ? "" : " on " + names.name(blocker)), site);
            }
            me.status = LogicalThread.Status.BLOCKED;
            me.block = LogicalThread.Block.PARK;
            me.blockedOn = blocker;
            me.deadline = absolute ? nanosOf(nanos - EPOCH_MILLIS) : deadlineIn(nanos);
            me.timed = (absolute || nanos > 0) && me.deadline != NO_DEADLINE;
            schedule(me);
            me.permit = false;
            if (listener != null) {
                listener.parkReturned(me.id);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void unpark(Thread thread, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            LogicalThread target = logicalOf(thread);
            pending(me, site, target == null ? 0 : 1000 + target.id, true);
            schedule(me);
            if (target == null) {
                if (thread != null) {
                    LockSupport.unpark(thread);
                }
                return;
            }
            if (listener != null && target.status != LogicalThread.Status.FINISHED) {
                listener.unparked(me.id, target.id);
            }
            if (target.status == LogicalThread.Status.BLOCKED && target.block == LogicalThread.Block.PARK) {
                target.unblock();
            } else if (target.status != LogicalThread.Status.FINISHED) {
                target.permit = true;
            }
            if (tracing) {
                record(me, "unpark " + target.name(), site);
            }
        } finally {
            w.active = true;
        }
    }

    // ------------------------------------------------------------------ threads

    @Override
    public void threadStart(Thread thread, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, 0, true);
            schedule(me);
            if (logicalOf(thread) != null || thread.isAlive()) {
                throw new IllegalThreadStateException("thread already started: " + thread.getName());
            }
            Runnable body = thread::run;
            if (VirtualThreadTasks.isVirtual(thread)) {
                // a virtual thread's run() does nothing: its task sits in the continuation the JDK would mount
                body = VirtualThreadTasks.taskOf(thread);
                if (body == null) {
                    finish(new Outcome.Uncontrolled(me.name() + " starts a virtual thread whose task weft cannot reach on this JDK ("
                            + Runtime.version() + "): " + VirtualThreadTasks.unavailableReason(), ""));
                    throw new ExecutionAbort();
                }
            }
            boolean user = !Sites.get(site).className().startsWith("java.");
            LogicalThread child = new LogicalThread(threads.size(), thread, body, user);
            threads.add(child);
            byThread.put(thread, child);
            if (listener != null) {
                listener.threadStarted(me.id, child.id);
            }
            if (tracing) {
                record(me, "start " + child.name(), site);
            }
        } finally {
            w.active = true;
        }
    }

    /** Starts a logical thread directly (used by the engine, whose code is not instrumented). */
    Thread startThread(String name, Runnable body) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, 0, 0, true);
            schedule(me);
            Thread thread = threadObjects.next();
            LogicalThread child = new LogicalThread(threads.size(), thread, body, true);
            threads.add(child);
            byThread.put(thread, child);
            if (listener != null) {
                listener.threadStarted(me.id, child.id);
            }
            if (tracing) {
                record(me, "start " + child.name(), 0);
            }
            return thread;
        } finally {
            w.active = wasActive;
        }
    }

    void note(String text) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            if (tracing) {
                record(w.current, text, 0);
            }
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public void join(Thread thread, long millis, int site) throws InterruptedException {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            LogicalThread me = w.current;
            LogicalThread target = logicalOf(thread);
            pending(me, site, target == null ? 0 : 1000 + target.id, false);
            schedule(me);
            if (target == null) {
                if (thread.isAlive()) {
                    // returning at once would be a wrong result (a join that does not wait), waiting a hang
                    finish(new Outcome.Uncontrolled(me.name() + " joins " + thread + ", a thread weft does not control"
                            + " (started outside this execution, or by code weft does not instrument)", ""));
                    throw new ExecutionAbort();
                }
                return;
            }
            millis = Math.min(millis, MAX_TIMEOUT_MILLIS);
            while (!target.finished) {
                if (me.interrupted) {
                    me.interrupted = false;
                    interruptObserved(me);
                    throw new InterruptedException();
                }
                me.status = LogicalThread.Status.BLOCKED;
                me.block = LogicalThread.Block.JOIN;
                me.blockedOn = target;
                me.deadline = deadlineIn(nanosOf(millis));
                me.timed = millis > 0 && me.deadline != NO_DEADLINE;
                me.interruptedWake = false;
                schedule(me);
                if (me.timedOut) {
                    break;
                }
            }
            if (listener != null && target.finished) {
                listener.joined(me.id, target.id);
            }
            if (tracing) {
                record(me, "join " + target.name() + (target.finished ? "" : " (timed out)"), site);
            }
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public Thread currentThread() {
        return worker().current.thread;
    }

    @Override
    public void sleep(long millis, int site) throws InterruptedException {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, 0, false);
            schedule(me);
            if (me.interrupted) {
                me.interrupted = false;
                interruptObserved(me);
                throw new InterruptedException("sleep interrupted");
            }
            if (tracing) {
                record(me, "sleep " + millis + " ms", site);
            }
            if (millis == 0) {
                return;
            }
            me.status = LogicalThread.Status.BLOCKED;
            me.block = LogicalThread.Block.SLEEP;
            me.deadline = deadlineIn(nanosOf(millis));
            me.timed = me.deadline != NO_DEADLINE;
            me.interruptedWake = false;
            schedule(me);
            if (me.interruptedWake) {
                me.interruptedWake = false;
                me.interrupted = false;
                interruptObserved(me);
                throw new InterruptedException("sleep interrupted");
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public void yield(int site) {
        spinHint(site);
    }

    @Override
    public void onSpinWait(int site) {
        spinHint(site);
    }

    private void spinHint(int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            pending(me, site, 0, false);
            schedule(me);
        } finally {
            w.active = true;
        }
    }

    @Override
    public void interrupt(Thread thread, int site) {
        Worker w = worker();
        w.active = false;
        try {
            LogicalThread me = w.current;
            LogicalThread target = logicalOf(thread);
            pending(me, site, target == null ? 0 : 1000 + target.id, true);
            schedule(me);
            if (target == null) {
                thread.interrupt();
                return;
            }
            if (target.finished) {
                return;
            }
            target.interrupted = true;
            if (listener != null) {
                listener.interrupted(me.id, target.id);
            }
            if (target.status == LogicalThread.Status.BLOCKED) {
                switch (target.block) {
                    case WAIT -> {
                        Object monitor = target.blockedOn;
                        target.unblock();
                        target.interruptedWake = true;
                        target.wantsMonitor = monitor;
                    }
                    case SLEEP, JOIN -> {
                        target.unblock();
                        target.interruptedWake = true;
                    }
                    case PARK -> target.unblock();
                    default -> { }
                }
            }
            if (tracing) {
                record(me, "interrupt " + target.name(), site);
            }
        } finally {
            w.active = true;
        }
    }

    @Override
    public boolean isInterrupted(Thread thread, boolean clear) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            LogicalThread target = logicalOf(thread);
            if (target == null) {
                return clear ? Thread.interrupted() : thread.isInterrupted();
            }
            boolean result = target.interrupted;
            if (clear) {
                target.interrupted = false;
            }
            if (result && listener != null) {
                listener.interruptObserved(w.current.id, target.id);
            }
            return result;
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public boolean isAlive(Thread thread) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            LogicalThread target = logicalOf(thread);
            if (target != null && target.finished && listener != null) {
                listener.joined(w.current.id, target.id); // isAlive() returning false orders like join
            }
            return target == null ? thread.isAlive() : !target.finished;
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public Thread.State threadState(Thread thread, int site) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            LogicalThread me = w.current;
            LogicalThread target = byThread.get(thread);
            pending(me, site, target == null ? 0 : 1000 + target.id, false);
            schedule(me);
            if (target == null) {
                return thread.getState();
            }
            if (target.finished) {
                if (listener != null) {
                    listener.joined(w.current.id, target.id); // seeing it TERMINATED orders like join
                }
                return Thread.State.TERMINATED;
            }
            if (target.status == LogicalThread.Status.RUNNABLE) {
                return enabledNow(target) ? Thread.State.RUNNABLE : Thread.State.BLOCKED;
            }
            return target.timed ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
        } finally {
            w.active = wasActive;
        }
    }

    /** {@code me} learns that it was interrupted (an {@code InterruptedException} is about to be thrown). */
    private void interruptObserved(LogicalThread me) {
        if (listener != null) {
            listener.interruptObserved(me.id, me.id);
        }
    }

    // ------------------------------------------------------------------ collections (no scheduling point)

    @Override
    public void collectionEnter(Object collection, int site) {
        identity(collection); // in every run, whether or not a detector looks: see identity()
        if (listener == null || aborting) {
            return;
        }
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            listener.collectionEntered(w.current.id, collection, site);
        } finally {
            w.active = wasActive;
        }
    }

    @Override
    public void collectionExit(Object collection, int site) {
        if (listener == null || aborting) {
            return;
        }
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        try {
            listener.collectionExited(w.current.id, collection, site);
        } finally {
            w.active = wasActive;
        }
    }

    // ------------------------------------------------------------------ ExecutionControl (for listeners)

    @Override
    public String objectName(Object object) {
        return names.name(object);
    }

    @Override
    public List<StackTraceElement> stack(int thread, int limit) {
        LogicalThread t = thread >= 0 && thread < threads.size() ? threads.get(thread) : null;
        if (t == null || t.finished) {
            return List.of();
        }
        if (t.worker != null && t.worker.thread == Thread.currentThread()) {
            return StackFilter.userFrames(Thread.currentThread().getStackTrace(), limit);
        }
        return t.worker == null ? List.of() : StackFilter.userFrames(t.worker.thread.getStackTrace(), limit);
    }

    @Override
    public void report(Outcome finding) {
        if (detection == DetectionMode.FAIL) {
            finish(finding);
            throw new ExecutionAbort();
        }
        warnings.add(finding);
    }

    @Override
    public void suppressed(String field) {
        suppressed.merge(field, 1, Integer::sum);
    }

    List<Outcome> warnings() {
        return warnings.list();
    }

    java.util.Map<String, Integer> suppressedRaces() {
        return suppressed;
    }

    // ------------------------------------------------------------------ determinism

    @Override
    public long nanoTime() {
        return 1_000_000_000L + clockNanos;
    }

    /** For tests: a failure of the runtime's own that {@link #currentTimeMillis()} throws; {@code null} normally. */
    static RuntimeException injectedFailure;

    @Override
    public long currentTimeMillis() {
        if (injectedFailure != null) {
            throw injectedFailure;
        }
        return EPOCH_MILLIS + clockNanos / 1_000_000L;
    }

    @Override
    public long epochNanos() {
        return EPOCH_MILLIS * 1_000_000L + clockNanos;
    }

    @Override
    public int identityHashCode(Object object) {
        return identity(object);
    }

    /**
     * The object's identity hash, decided here if nobody decided it yet (see {@link IdentityHashes}).
     * A hash decided here depends on the seed, the step and how many hashes were decided before it in
     * that step — not on how many were decided before it in the execution: an object from outside the
     * execution (a class, a static cache) may be decided by an earlier execution or by this one, and a
     * running count would then differ between an exploration and its replay. Every table of Weft's own
     * that holds the program's objects hashes them after this was called, at the same point of every
     * run of the execution, so that traced and untraced runs decide the same hashes.
     */
    private int identity(Object object) {
        int hash = IdentityHashes.decided(object);
        if (hash > 0) {
            return hash;
        }
        if (hash < 0) {
            return System.identityHashCode(object);
        }
        if (hashStep != step) {
            hashStep = step;
            hashesInStep = 0;
        }
        hash = (int) SeedMix.mix64(seed ^ SeedMix.mix64(step * 4096 + ++hashesInStep)) & 0x7FFFFFFF;
        return IdentityHashes.decide(object, hash == 0 ? 1 : hash);
    }

    /** Whether a class's {@code hashCode()} is {@code Object}'s. A {@code ClassValue}: it hashes no class. */
    private static final ClassValue<Boolean> USES_IDENTITY_HASH = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return usesIdentityHash(type);
        }
    };

    @Override
    public int hashCode(Object object) {
        Worker w = worker();
        boolean wasActive = w.active;
        w.active = false;
        boolean identity;
        try {
            identity = USES_IDENTITY_HASH.get(object.getClass());
        } finally {
            w.active = wasActive;
        }
        return identity ? identity(object) : object.hashCode();
    }

    private static boolean usesIdentityHash(Class<?> type) {
        if (type.isArray()) {
            return true;
        }
        try {
            return type.getMethod("hashCode").getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** The first exception a hook of the runtime threw that was not the program's (see {@link #raised}). */
    private Throwable weftFailure;
    private int weftFailures;

    /**
     * Every exception a hook throws passes here first. The ones a hook throws on purpose — the
     * unwinding of an execution that is over, and what the JDK's own method would have thrown
     * ({@code InterruptedException}, {@code IllegalMonitorStateException}, …) — are the program's to
     * handle. Anything else is a failure of Weft's inside the program: the program may catch it and
     * go on, but the execution then cannot count as passed.
     */
    @Override
    public void raised(Throwable thrown) {
        if (thrown instanceof ExecutionAbort || thrown instanceof InterruptedException
                || thrown instanceof IllegalMonitorStateException || thrown instanceof IllegalArgumentException
                || thrown instanceof VirtualMachineError || thrown instanceof ProgramException) {
            return;
        }
        weftFailures++;
        if (weftFailure == null) {
            weftFailure = thrown;
        }
    }

    private Outcome weftFailed() {
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : weftFailure.getStackTrace()) {
            stack.append("    at ").append(frame).append('\n');
            if (stack.length() > 2_000) {
                break;
            }
        }
        return new Outcome.Uncontrolled("weft's runtime failed inside the program (" + weftFailure
                + (weftFailures > 1 ? ", and " + (weftFailures - 1) + " more" : "")
                + "); the program may have caught it, so this execution cannot pass", stack.toString());
    }

    private java.util.concurrent.ForkJoinPool commonPool;

    /**
     * The execution's own common pool, made on first use: the JDK's common pool is a static that
     * outlives executions, and an execution that ended while one of its workers held a queue's lock
     * or was counted as idle left the next execution a pool that no worker of its own serves (a
     * parallel stream then spun in {@code ForkJoinPool.submissionQueue}; a replay saw fewer threads
     * than its recording). Same parallelism as the common pool, workers named as its workers are.
     */
    @Override
    public Object commonPool(Object common) {
        if (commonPool == null) {
            Worker w = worker();
            boolean wasActive = w.active;
            w.active = false;
            try {
                int[] workers = {0};
                commonPool = new java.util.concurrent.ForkJoinPool(
                        Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()), pool -> {
                            java.util.concurrent.ForkJoinWorkerThread t =
                                    java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                            t.setName("ForkJoinPool.commonPool-worker-" + ++workers[0]);
                            return t;
                        }, null, false);
            } finally {
                w.active = wasActive;
            }
        }
        return commonPool;
    }

    @Override
    public void backEdge() {
        if (aborting) {
            throw new ExecutionAbort(); // a verdict was given while this thread ran without a scheduling point
        }
    }

    @Override
    public long randomSeed() {
        return SeedMix.mix64(seed ^ 0xD1B54A32D192ED03L * ++draws);
    }

    @Override
    public void exit(int status, boolean halt) {
        Worker w = (Worker) WorkerState.own();
        w.active = false;
        LogicalThread me = w.current;
        StackTraceElement[] frames = Thread.currentThread().getStackTrace();
        String call = halt ? "Runtime.halt" : "Runtime.exit";
        int first = 0;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals("java.lang.Runtime")) {
                first = i + 1;
                if (!halt && i + 1 < frames.length && frames[i + 1].getClassName().equals("java.lang.System")
                        && frames[i + 1].getMethodName().equals("exit")) {
                    call = "System.exit";
                    first = i + 2;
                }
                break;
            }
        }
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] callers = java.util.Arrays.copyOfRange(frames, Math.min(first, frames.length), frames.length);
        for (StackTraceElement frame : StackFilter.userFrames(callers, 10)) {
            stack.append("    at ").append(frame).append('\n');
        }
        if (!aborting) {
            finish(new Outcome.Exited(me.id, call, status, stack.toString()));
        }
        throw new ExecutionAbort();
    }

    // ------------------------------------------------------------------ reports

    /**
     * The outcome when no thread can run. While thread 0 (the program's body) has not returned, a
     * deadlock. Once it has, the program is over, as it is in a JVM: the threads left waiting for work
     * (a notification, an unpark, a queue, a latch, a timeout) end the execution cleanly, with a note —
     * unless some are locked for ever: in a wait-for cycle (a lock-order deadlock, whether the body
     * waited for them or not), or waiting for a lock whose holder ended without releasing it.
     */
    private Outcome stuckOutcome() {
        if (root().status == LogicalThread.Status.FINISHED) {
            List<String> locked = findCycle();
            if (locked == null) {
                locked = lockOfAnEndedThread();
            }
            if (locked == null) {
                noteLeftovers();
                return new Outcome.Passed();
            }
            return new Outcome.Deadlock(locked, threadReport(true));
        }
        return new Outcome.Deadlock(waitForCycle(), threadReport(true));
    }

    /** Notes on this execution, which passed: the threads it started that were left waiting when the body returned. */
    private final List<String> notes = new ArrayList<>(0);

    List<String> notes() {
        return notes;
    }

    private void noteLeftovers() {
        for (LogicalThread t : threads) {
            if (t.status == LogicalThread.Status.FINISHED || !t.userThread) {
                continue; // idle workers of an executor are not noted
            }
            String given = t.thread.getName();
            String name = given.matches("Thread-\\d+") ? "" : " (\"" + given + "\")";
            String where = "";
            if (t.worker != null) {
                StackTraceElement[] stack = t.worker.thread.getStackTrace();
                List<StackTraceElement> frames = StackFilter.userFrames(stack, 64);
                for (int i = 0; i < frames.size(); i++) {
                    if (!frames.get(i).getClassName().startsWith("java.")) {
                        where = (i > 0 ? " in " + simple(frames.get(i - 1)) + "," : "") + " at " + simple(frames.get(i));
                        break;
                    }
                }
            }
            notes.add(t.name() + name + (t.thread.isDaemon() ? ", a daemon thread," : "") + " was left waiting for "
                    + waitsFor(t) + where + " when the test's body returned");
        }
    }

    /** {@code LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)}: a frame without its package. */
    private static String simple(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
                + (frame.getFileName() == null ? "unknown source" : frame.getFileName() + ":" + frame.getLineNumber()) + ")";
    }

    /** A thread waiting for a lock whose holder has ended (it never released it), as a one-entry list; else {@code null}. */
    private List<String> lockOfAnEndedThread() {
        for (LogicalThread t : threads) {
            LogicalThread holder = holderOf(t);
            if (holder != null && holder.status == LogicalThread.Status.FINISHED && t.block != LogicalThread.Block.JOIN) {
                return List.of(t.name() + " waits for " + waitsFor(t) + ", which ended without releasing it");
            }
        }
        return null;
    }

    private List<String> waitForCycle() {
        List<String> cycle = findCycle();
        if (cycle != null) {
            return cycle;
        }
        List<String> blocked = new ArrayList<>();
        for (LogicalThread t : threads) {
            if (t.status != LogicalThread.Status.FINISHED) {
                blocked.add(t.name() + " waits for " + waitsFor(t));
            }
        }
        return blocked;
    }

    /** A cycle in the wait-for graph (monitors, lock owners, joins), one entry per thread in it; else {@code null}. */
    private List<String> findCycle() {
        int n = threads.size();
        int[] edge = new int[n];
        for (int i = 0; i < n; i++) {
            LogicalThread holder = holderOf(threads.get(i));
            edge[i] = holder == null ? -1 : holder.id;
        }
        for (int start = 0; start < n; start++) {
            int slow = start;
            boolean[] seen = new boolean[n];
            while (slow >= 0 && !seen[slow]) {
                seen[slow] = true;
                slow = edge[slow];
            }
            if (slow >= 0) {
                List<String> cycle = new ArrayList<>();
                int t = slow;
                do {
                    cycle.add(threads.get(t).name() + " waits for " + waitsFor(threads.get(t)));
                    t = edge[t];
                } while (t != slow);
                return cycle;
            }
        }
        return null;
    }

    private LogicalThread holderOf(LogicalThread t) {
        if (t.status == LogicalThread.Status.FINISHED) {
            return null;
        }
        if (t.wantsMonitor != null) {
            MonitorState m = monitors.get(t.wantsMonitor);
            return m == null ? null : m.owner;
        }
        if (t.status == LogicalThread.Status.BLOCKED) {
            if (t.block == LogicalThread.Block.JOIN && t.blockedOn instanceof LogicalThread target) {
                return target;
            }
            if (t.block == LogicalThread.Block.PARK && t.blockedOn != null) {
                Thread owner = ownerOf(t.blockedOn);
                return owner == null ? null : byThread.get(owner);
            }
        }
        return null;
    }

    private static Thread ownerOf(Object blocker) {
        for (Class<?> type = blocker.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("java.util.concurrent.locks.AbstractOwnableSynchronizer")) {
                try {
                    Method owner = type.getDeclaredMethod("getExclusiveOwnerThread");
                    owner.setAccessible(true);
                    return (Thread) owner.invoke(blocker);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private String waitsFor(LogicalThread t) {
        LogicalThread holder = holderOf(t);
        String held = holder == null ? "" : " held by " + holder.name();
        if (t.wantsMonitor != null) {
            return "the monitor of " + names.name(t.wantsMonitor) + held;
        }
        return switch (t.block) {
            case WAIT -> "a notification on " + names.name(t.blockedOn) + " (in wait())";
            case JOIN -> ((LogicalThread) t.blockedOn).name() + " to finish";
            case PARK -> t.blockedOn == null ? "an unpark" : lockName(t.blockedOn) + held;
            case SLEEP -> "the end of a sleep";
            default -> "nothing";
        };
    }

    /**
     * For the watching controller: another thread that is blocked inside a class initializer, as
     * {@code "thread 1 is initializing (Foo.<clinit>), blocked waiting for …"}; {@code null} when none
     * is. Reads the state of threads that wait for their turn.
     */
    String blockedInsideInitializer(LogicalThread current) {
        for (LogicalThread t : new ArrayList<>(threads)) {
            if (t == current || t.finished || t.worker == null || t.worker.initDepth == 0) {
                continue;
            }
            if (t.status != LogicalThread.Status.BLOCKED && t.wantsMonitor == null) {
                continue;
            }
            String initializing = "";
            for (StackTraceElement frame : t.worker.thread.getStackTrace()) {
                if (frame.getMethodName().equals("<clinit>")) {
                    initializing = frame.getClassName(); // the innermost one
                    break;
                }
            }
            return t.name() + " is initializing" + (initializing.isEmpty() ? "" : " (" + initializing + ")")
                    + ", blocked waiting for " + waitsFor(t);
        }
        return null;
    }

    private String lockName(Object blocker) {
        String name = names.name(blocker);
        int dollar = name.indexOf('$');
        return dollar > 0 ? name.substring(0, dollar) + " (" + name + ")" : name;
    }

    /** Each unfinished thread with what it waits for and its stack. */
    private String threadReport(boolean blockedOnly) {
        StringBuilder text = new StringBuilder();
        for (LogicalThread t : threads) {
            if (t.status == LogicalThread.Status.FINISHED) {
                continue;
            }
            boolean blocked = t.status == LogicalThread.Status.BLOCKED || t.wantsMonitor != null;
            if (blockedOnly && !blocked) {
                continue;
            }
            text.append("  ").append(t.name());
            if (blocked) {
                text.append(" waits for ").append(waitsFor(t));
            } else {
                text.append(" at ").append(Sites.get(t.pendingSite).location());
            }
            text.append('\n');
            if (t.worker != null && t != current) {
                for (StackTraceElement frame : StackFilter.userFrames(t.worker.thread.getStackTrace(), 6)) {
                    text.append("      at ").append(frame).append('\n');
                }
            } else if (t == current) {
                for (StackTraceElement frame : StackFilter.userFrames(Thread.currentThread().getStackTrace(), 6)) {
                    text.append("      at ").append(frame).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Wraps a checked exception thrown by the program so that it crosses {@link Runnable#run}. */
    static final class ProgramException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProgramException(Throwable cause) {
            super(cause);
        }
    }
}
