package dev.weft.scheduler.runtime;

import dev.weft.boot.RuntimeHooks;
import dev.weft.boot.WorkerState;
import dev.weft.scheduler.strategy.Strategy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One controlled execution, and the facade its hooks call ({@link RuntimeHooks}, through the static
 * trampolines of the hook classes in {@code dev.weft.boot}). Exactly one logical thread holds the
 * turn at any time; it alone touches this object's state (handoffs go through volatile {@code turn}
 * flags, which order everything). What the controlling thread shares with an execution is in {@link
 * ExecutionStatus}.
 *
 * <p><b>The parts.</b> Each hook applies the enter/leave rule below and hands what its thread is
 * about to do to one part: {@link MemoryAccesses} (reads, writes, array elements, atomic operations,
 * spin hints: the hot path), {@link MonitorControl} on {@link Monitors} ({@code synchronized}, {@code
 * wait}/{@code notify}), {@link Parking}, {@link ThreadControl} (thread 0, start, join, sleep,
 * interrupt, a thread's uncaught exception and its end, the execution's common pool). Each gives its
 * scheduling point to the {@link SchedulingStep} (the enabled set, the strategy's choice, spin
 * detection), which switches threads through {@link Turns}. {@link VirtualClock} keeps virtual time
 * and deadlines, {@link DeterministicIdentity} the identity hashes and the program's random seeds,
 * {@link TraceRecorder} the trace, {@link Findings} what the detectors see and find, {@link
 * StuckReport} says what each thread waits for when none can run, and {@link Ending} gives the
 * verdict and the result the controller returns.
 *
 * <p><b>Entering and leaving the runtime.</b> A hook arrives on the worker of the thread with the
 * turn, with the worker's hooks on ({@code active}). While the runtime's own code runs, the hooks must
 * be off, or the runtime's use of instrumented classes ({@code HashMap}, {@code ArrayList}) would be
 * observed as the program's and re-enter the runtime. The one rule: every method that runs runtime
 * code on a worker does
 *
 * <pre>{@code
 * Worker w = worker();
 * boolean wasActive = enter(w);
 * try {
 *     ...
 * } finally {
 *     leave(w, wasActive);
 * }
 * }</pre>
 *
 * so that the worker's hooks are, after it, exactly as they were before it, whether it returns or
 * throws (an {@link ExecutionAbort} unwinds the program's code with its hooks on, so that every later
 * scheduling point unwinds too). The runtime's code itself may switch threads in between ({@code
 * schedule} hands the turn over and waits for it); each worker's flag is its own. Three places turn
 * the hooks on for the program rather than off, and say so: {@link #runThread} (the thread's body)
 * and {@link ThreadControl#uncaught} (the program's uncaught-exception handler); and {@link #exit}
 * leaves them off for good (the thread unwinds outside the program). An exception a part throws for
 * the program starts its stack at the hook ({@link StackFilter#startAt}).
 */
final class Execution extends RuntimeHooks {

    // The parts of an execution, and what they share: touched only by the thread with the turn.
    /** The trace, {@link TraceRecorder#OFF} when the execution is not traced. */
    final TraceRecorder trace;
    final WorkerPool pool;
    final Thread controller;
    final List<LogicalThread> threads = new ArrayList<>(4);
    final IdentityHashMap<Thread, LogicalThread> byThread = new IdentityHashMap<>();
    final ObjectNames names = new ObjectNames();
    /** The detectors, or {@code null}: every event then costs one null check. */
    final ExecutionListener listener;
    /** What the detectors see of the execution (their {@link ExecutionControl}) and what they found. */
    private final Findings findings;
    final ThreadObjects threadObjects;
    private final WeftFailures weftFailures = new WeftFailures();

    /** What the controlling thread shares with this execution, and how (see {@link ExecutionStatus}). */
    final ExecutionStatus status = new ExecutionStatus();
    final VirtualClock clock = new VirtualClock(status);
    /** Identity hashes decided per execution, the same in every run of it. */
    final DeterministicIdentity identities;
    /** The model of the program's monitors. */
    final Monitors monitors;
    /** Turn-taking: which worker runs which thread, and how the turn passes. */
    final Turns turns;
    /** The scheduling step: the enabled set, the strategy's choice, spin detection, the switch. */
    final SchedulingStep scheduling;
    private final MonitorControl monitorControl;
    private final Parking parking;
    /** {@code Thread}'s own methods, thread 0, each thread's end; the other parts find a logical thread through it. */
    final ThreadControl threadControl;
    /** The memory-access hooks' part: every shared access the program makes passes through it. */
    private final MemoryAccesses memory;
    /** The verdict, the notes, the outcome when no thread can run, the result. */
    final Ending ending;

    Execution(Strategy strategy, long seed, long maxSteps, boolean tracing, WorkerPool pool, Thread controller,
            ExecutionListener listener, DetectionMode detection, ThreadObjects threadObjects) {
        IdentityHashes.requireValidSetting();
        this.threadObjects = threadObjects;
        this.listener = listener;
        this.pool = pool;
        this.controller = controller;
        this.trace = TraceRecorder.of(tracing);
        this.identities = new DeterministicIdentity(seed, status);
        this.monitors = new Monitors(identities);
        this.turns = new Turns(this, pool, status, threads, monitors);
        this.scheduling = new SchedulingStep(this, status, strategy, maxSteps, threads, monitors, trace, clock, turns);
        this.threadControl = new ThreadControl(this);
        this.monitorControl = new MonitorControl(this);
        this.parking = new Parking(this);
        this.memory = new MemoryAccesses(this);
        this.findings = new Findings(this, detection);
        this.ending = new Ending(this, weftFailures, threadControl, findings);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Creates thread 0 with the program's body and gives it the turn (see {@link ThreadControl#startRoot}). Called by the controller. */
    void start(Program program) {
        threadControl.startRoot(program, findings);
    }

    LogicalThread root() {
        return threads.get(0);
    }

    /**
     * Runs a logical thread on its worker; called by {@link Worker}: waits for its first turn, runs its
     * body with the worker's hooks on, hands an exception it throws to {@link ThreadControl#uncaught},
     * and ends it. Here, not in a part: the program's stack starts at this frame, as deep as it always
     * was (a program, or an assertion library, that walks a stack trace takes a step per frame).
     */
    void runThread(Worker worker, LogicalThread thread) {
        try {
            turns.awaitTurn(thread);
            worker.active = true;
            thread.body.run();
        } catch (ExecutionAbort abort) {
            // unwound: the verdict was reached elsewhere
        } catch (Throwable error) {
            worker.active = false;
            threadControl.uncaught(worker, thread, error);
        } finally {
            worker.active = false;
            worker.atomicDepth = 0;
            worker.quietDepth = 0;
            worker.initDepth = 0;
            threadControl.finished(thread);
        }
    }

    // ------------------------------------------------------------------ hook plumbing

    /** The worker of the calling thread; hooks arrive only on the worker with the turn. */
    private static Worker worker() {
        return (Worker) WorkerState.running;
    }

    /** Enters the runtime's own code on {@code w}: its hooks go off; returns whether they were on, for {@link #leave}. */
    private static boolean enter(Worker w) {
        boolean wasActive = w.active;
        w.active = false;
        return wasActive;
    }

    /** Leaves the runtime's code entered with {@link #enter}: the worker's hooks are as they were before. */
    private static void leave(Worker w, boolean wasActive) {
        w.active = wasActive;
    }

    // ------------------------------------------------------------------ memory accesses (the hot path)

    @Override
    public void read(Object owner, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.read(w.current, owner, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void write(Object owner, int site) {
        writeValue(owner, (Object) "…", site);
    }

    @Override
    public void writeValue(Object owner, long value, int site) {
        writeValue(owner, trace.on ? (Object) value : null, site); // boxed only for the trace
    }

    @Override
    public void writeValue(Object owner, Object value, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.write(w.current, owner, value, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void arrayRead(Object array, int index, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.arrayRead(w.current, array, index, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void arrayWrite(Object array, int index, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.arrayWrite(w.current, array, index, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void readValue(Object value, int site) {
        if (!trace.on) {
            return;
        }
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.readValue(w.current, value, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void readValue(long value, int site) {
        if (trace.on) {
            readValue((Object) value, site);
        }
    }

    @Override
    public void atomic(Object owner, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            memory.atomic(w.current, owner, site);
        } finally {
            leave(w, wasActive);
        }
    }

    // ------------------------------------------------------------------ monitors

    @Override
    public void monitorEnter(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.enter(w.current, monitor, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.exit(w.current, monitor, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void syncMethodEnter(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.syncMethodEnter(w.current, monitor);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void syncMethodExit(Object monitor, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.syncMethodExit(w.current, monitor);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void waitOn(Object monitor, long millis, int site) throws InterruptedException {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.waitOn(w.current, monitor, millis, site);
        } catch (InterruptedException | IllegalMonitorStateException e) {
            StackFilter.startAt(Execution.class, e);
            throw e;
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void notify(Object monitor, boolean all, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            monitorControl.notify(w.current, monitor, all, site);
        } catch (IllegalMonitorStateException e) {
            StackFilter.startAt(Execution.class, e);
            throw e;
        } finally {
            leave(w, wasActive);
        }
    }

    // ------------------------------------------------------------------ park / unpark

    @Override
    public void park(Object blocker, long nanos, boolean absolute, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            parking.park(w.current, blocker, nanos, absolute, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void unpark(Thread thread, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            parking.unpark(w.current, thread, site);
        } finally {
            leave(w, wasActive);
        }
    }

    // ------------------------------------------------------------------ threads

    @Override
    public void threadStart(Thread thread, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            threadControl.start(w.current, thread, site);
        } catch (IllegalThreadStateException e) {
            StackFilter.startAt(Execution.class, e);
            throw e;
        } finally {
            leave(w, wasActive);
        }
    }

    /** Starts a logical thread directly (used by the engine, whose code is not instrumented). */
    Thread startThread(String name, Runnable body) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            return threadControl.start(w.current, body);
        } finally {
            leave(w, wasActive);
        }
    }

    void note(String text) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            if (trace.on) {
                trace.record(status.step(), w.current, text, 0);
            }
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void join(Thread thread, long millis, int site) throws InterruptedException {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            threadControl.join(w.current, thread, millis, site);
        } catch (InterruptedException e) {
            StackFilter.startAt(Execution.class, e);
            throw e;
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public Thread currentThread() {
        return worker().current.thread;
    }

    @Override
    public void sleep(long millis, int site) throws InterruptedException {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            threadControl.sleep(w.current, millis, site);
        } catch (InterruptedException e) {
            StackFilter.startAt(Execution.class, e);
            throw e;
        } finally {
            leave(w, wasActive);
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
        boolean wasActive = enter(w);
        try {
            memory.spinHint(w.current, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void interrupt(Thread thread, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            threadControl.interrupt(w.current, thread, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public boolean isInterrupted(Thread thread, boolean clear) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            return threadControl.isInterrupted(w.current, thread, clear);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public boolean isAlive(Thread thread) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            return threadControl.isAlive(w.current, thread);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public Thread.State threadState(Thread thread, int site) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            return threadControl.state(w.current, thread, site);
        } finally {
            leave(w, wasActive);
        }
    }

    // ------------------------------------------------------------------ collections (no scheduling point)

    @Override
    public void collectionEnter(Object collection, int site) {
        identity(collection); // in every run, whether or not a detector looks: see identity()
        if (listener == null || status.aborting) {
            return;
        }
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            listener.collectionEntered(w.current.id, collection, site);
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void collectionExit(Object collection, int site) {
        if (listener == null || status.aborting) {
            return;
        }
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            listener.collectionExited(w.current.id, collection, site);
        } finally {
            leave(w, wasActive);
        }
    }

    // ------------------------------------------------------------------ determinism

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    /** For tests: a failure of the runtime's own that {@link #currentTimeMillis()} throws; {@code null} normally. */
    static RuntimeException injectedFailure;

    @Override
    public long currentTimeMillis() {
        if (injectedFailure != null) {
            throw injectedFailure;
        }
        return clock.currentTimeMillis();
    }

    @Override
    public long epochNanos() {
        return clock.epochNanos();
    }

    @Override
    public int identityHashCode(Object object) {
        return identity(object);
    }

    /** The object's identity hash, decided now if nobody decided it yet (see {@link DeterministicIdentity#of}). */
    int identity(Object object) {
        return identities.of(object);
    }

    @Override
    public int hashCode(Object object) {
        Worker w = worker();
        boolean wasActive = enter(w);
        boolean identity;
        try {
            identity = DeterministicIdentity.usesIdentityHash(object.getClass());
        } finally {
            leave(w, wasActive);
        }
        return identity ? identity(object) : object.hashCode(); // the program's own hashCode, from the hook's frame
    }

    /** Every exception a hook throws passes here first: see {@link WeftFailures#raised}. */
    @Override
    public void raised(Throwable thrown) {
        weftFailures.raised(thrown);
    }

    /** The execution's own common pool: see {@link ThreadControl#commonPool}. */
    @Override
    public Object commonPool(Object common) {
        Worker w = worker();
        boolean wasActive = enter(w);
        try {
            return threadControl.commonPool();
        } finally {
            leave(w, wasActive);
        }
    }

    @Override
    public void backEdge() {
        if (status.aborting) {
            throw new ExecutionAbort(); // a verdict was given while this thread ran without a scheduling point
        }
    }

    @Override
    public long randomSeed() {
        return identities.randomSeed();
    }

    @Override
    public void exit(int status, boolean halt) {
        Worker w = (Worker) WorkerState.own();
        w.active = false; // off for good: the thread unwinds, outside the program
        threadControl.exit(w.current, status, halt);
    }
}
