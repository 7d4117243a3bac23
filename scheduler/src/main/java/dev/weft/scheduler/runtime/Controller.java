package dev.weft.scheduler.runtime;

import dev.weft.boot.WorkerState;
import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.strategy.Strategy;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/** The controlling side of executions: starts them, watches them, unwinds what is left. */
final class Controller {

    private static final long UNWIND_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * A watcher that itself did not run for this long (a garbage collection that stopped the JVM, a
     * machine too busy) does not count the time as the execution's: it starts measuring again.
     */
    private static final long WATCHER_AWAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final WorkerPool pool = new WorkerPool();
    private final ThreadObjects threadObjects = new ThreadObjects();
    private final StaticInitializers statics = new StaticInitializers();
    private final Field tlrSeeder;
    private final Field tlrProbes;
    /** The JDK's counter behind the default thread names {@code Thread-N} (JDK 21+ in {@code Thread$ThreadNumbering}). */
    private final Field threadNumbers;
    private final AtomicInteger leakedWorkers = new AtomicInteger();
    /** The thread running an execution now (executions run one at a time); guarded by {@code gate}. */
    private Thread executing;
    private final Object gate = new Object();

    Controller() {
        this.tlrSeeder = staticField("java.util.concurrent.ThreadLocalRandom", "seeder");
        this.tlrProbes = staticField("java.util.concurrent.ThreadLocalRandom", "probeGenerator");
        Field numbers = staticField("java.lang.Thread$ThreadNumbering", "next");
        this.threadNumbers = numbers != null ? numbers : staticField("java.lang.Thread", "threadInitNumber");
    }

    /**
     * Runs one execution of {@code program}. The caller drives the strategy's execution lifecycle
     * ({@link Strategy#beginExecution}, {@link Strategy#endExecution}).
     *
     * @throws IllegalStateException if some classes could not be instrumented (the execution would
     *     silently miss interleavings) or if called from a managed thread
     */
    ExecutionResult execute(Program program, Strategy strategy, ExecutionOptions options) {
        enter();
        try {
            return executeOne(program, strategy, options);
        } finally {
            leave(Thread.currentThread());
        }
    }

    /**
     * Executions run one at a time. Not a monitor: a driver whose thread 0 got stuck outside Weft's
     * control never leaves, and the thread that gave it up lets the next execution in ({@link #leave}).
     */
    private void enter() {
        boolean interrupted = false;
        synchronized (gate) {
            while (executing != null) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            executing = Thread.currentThread();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void leave(Thread thread) {
        synchronized (gate) {
            if (executing == thread) {
                executing = null;
                gate.notifyAll();
            }
        }
    }

    private ExecutionResult executeOne(Program program, Strategy strategy, ExecutionOptions options) {
        WorkerState own = WorkerState.own();
        Driver driving = own instanceof Worker worker && worker.driver ? activeDriver(worker) : null;
        if (own instanceof Worker worker && worker.driver && driving == null) {
            throw new IllegalStateException("weft gave this exploration up: its thread 0 was stuck outside weft's control");
        }
        WorkerState state = WorkerState.current();
        if (state != null && !(driving != null && state == driving.worker && !state.active)) {
            throw new IllegalStateException("an execution cannot start another execution; run it from a thread weft does not manage");
        }
        List<String> failures = WeftAgent.instrumentationFailures();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("weft could not instrument " + failures.size() + " class(es), so it would miss interleavings: "
                    + String.join("; ", failures) + " (a newer weft may support this class-file version)");
        }
        resetDeterminism(options.seed());
        ExecutionListener listener = options.detection() == DetectionMode.OFF ? null
                : dev.weft.scheduler.race.Detectors.forExecution(options.suppressedRaces(), options.stackCapture());
        Execution execution = new Execution(strategy, options.seed(), options.maxSteps(), options.trace(), pool, Thread.currentThread(),
                listener, options.detection(), threadObjects);
        if (driving != null) {
            execution.status.rootWorker = driving.worker;
        }
        if (options.trace() && options.expectedSteps() > 0) {
            execution.scheduling.keepTraceOf(options.expectedSteps());
        }
        // a default uncaught-exception handler the program sets is its own, like any state of the JVM's
        // it changes: the next execution (and the next test) starts without it
        Thread.UncaughtExceptionHandler defaultHandler = Thread.getDefaultUncaughtExceptionHandler();
        execution.start(options.statics().fresh() ? statics.around(program, options.statics()) : program);
        if (driving != null) {
            runRootHere(driving.worker, execution);
        }
        awaitEnd(execution);
        if (execution.status.aborting) {
            unwind(execution);
        }
        if (Thread.getDefaultUncaughtExceptionHandler() != defaultHandler) {
            Thread.setDefaultUncaughtExceptionHandler(defaultHandler);
        }
        if (execution.status.strategyFailure != null) {
            throw execution.status.strategyFailure;
        }
        return execution.ending.result(options.trace());
    }

    private void awaitEnd(Execution execution) {
        long lastStep = -1;
        long lastProgress = System.nanoTime();
        if (Handoffs.await(() -> execution.status.done)) {
            return;
        }
        long lastLook = lastProgress;
        while (!execution.status.done) {
            LockSupport.parkNanos(execution, 5_000_000L);
            if (execution.status.done) {
                break;
            }
            long now = System.nanoTime();
            long step = execution.status.progress();
            boolean away = now - lastLook > WATCHER_AWAY_NANOS;
            lastLook = now;
            if (step != lastStep || away) {
                lastStep = step;
                lastProgress = now;
                continue;
            }
            pool.nudge();
            LogicalThread current = execution.scheduling.currentThread();
            Outcome stuck = Watchdog.verdict(execution, current, now - lastProgress);
            if (stuck != null) {
                giveUp(execution, current, stuck);
            }
        }
    }

    /**
     * Ends {@code execution} with {@code stuck}, the verdict on {@code thread}, which got stuck where Weft
     * cannot see it. A thread that runs (a loop on local variables) unwinds at its next loop back edge
     * in application code: it is given a moment to, and keeps its worker. One blocked inside the JVM,
     * or running where no back edge is instrumented, is retired. Returns whether it unwound.
     */
    private boolean giveUp(Execution execution, LogicalThread thread, Outcome stuck) {
        execution.status.finishFromController(stuck);
        if (stuck instanceof Outcome.Hang) {
            WorkerState.unwinding = true;
            long deadline = System.nanoTime() + UNWIND_NANOS;
            while (!thread.finished && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(execution, 1_000_000L);
            }
            if (thread.finished) {
                // back edges go back to their one read, unless a thread retired while running may still
                // reach one (it then unwinds there, instead of running on outside any execution)
                WorkerState.unwinding = retiredRunning.get() > 0;
                return true;
            }
            retiredRunning.incrementAndGet();
        }
        retire(thread);
        return false;
    }

    /** Threads retired while they ran without a scheduling point: back edges keep checking for them. */
    private final AtomicInteger retiredRunning = new AtomicInteger();

    // ------------------------------------------------------------------ the driver

    /**
     * Whether explorations run on a driver thread of their own, which also runs thread 0 of each of
     * their executions: an execution then starts and ends without a handoff between OS threads (with
     * platform-thread workers one OS thread fewer takes turns at the cores; with virtual ones the
     * driver is a virtual thread on Weft's carrier too, so a whole execution runs on one OS thread).
     * The caller waits and watches; a thread 0 stuck outside Weft's control is reported, and the
     * driver given up.
     */
    private static final boolean DRIVER = RuntimeSettings.process().driver();

    private final Object driverLock = new Object();
    private Driver driver; // guarded by driverLock
    private boolean driverBusy; // guarded by driverLock
    /** The execution whose thread 0 runs on the driver, while it does: the caller watches it. */
    private final AtomicReference<Execution> inline = new AtomicReference<>();
    /** The thread waiting in {@link #onDriver}. */
    private volatile Thread watcherThread;

    private static final class Task {
        final Supplier<?> work;
        final Thread caller;
        volatile boolean done;
        Object result;
        Throwable failure;

        Task(Supplier<?> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }
    }

    private final class Driver implements Runnable {
        final Worker worker = new Worker(pool, this);
        volatile Task task;
        volatile boolean abandoned;

        @Override
        public void run() {
            WorkerState.bind(worker);
            while (!abandoned) {
                Task next = task;
                if (next == null) {
                    worker.awaitOrPark(() -> task != null || abandoned, this);
                    continue;
                }
                task = null;
                try {
                    next.result = next.work.get();
                } catch (Throwable e) {
                    next.failure = e;
                }
                next.done = true;
                LockSupport.unpark(next.caller);
            }
        }
    }

    /** The driver whose worker {@code worker} is, or {@code null} when that driver was given up. */
    private Driver activeDriver(Worker worker) {
        synchronized (driverLock) {
            return driver != null && driver.worker == worker ? driver : null;
        }
    }

    /** Whether a verdict ends {@code execution} while its thread 0 waits for a turn it will not get. */
    private static boolean verdictWithRootWaiting(Execution execution) {
        return execution != null && execution.status.done && execution.status.aborting && !execution.root().finished;
    }

    /** Runs thread 0 of {@code execution} on the calling driver, watched by the caller that waits in {@link #onDriver}. */
    private void runRootHere(Worker worker, Execution execution) {
        execution.status.watcher = watcherThread;
        inline.set(execution);
        try {
            worker.run(execution, execution.root());
        } finally {
            inline.compareAndSet(execution, null);
        }
    }

    /**
     * Runs {@code work} (an exploration) on the driver (on the calling thread with
     * {@code -Dweft.driver=false}, or when called from a thread of the runtime).
     *
     * @throws ExecutionStuckException when thread 0 of an execution got stuck outside Weft's control
     */
    <T> T onDriver(Supplier<T> work) {
        if (WorkerState.own() != null) {
            return work.get(); // called from a thread of the runtime
        }
        return keepingStatics(DRIVER ? () -> onDriverThread(work) : work);
    }

    /**
     * Runs {@code work} (executions), then puts the application's statics back as they were before it:
     * executions reset them ({@link FreshStatics}), code outside the executions keeps what it had.
     */
    <T> T keepingStatics(Supplier<T> work) {
        if (WorkerState.own() != null) {
            return work.get();
        }
        StaticInitializers.Saved saved = statics.save();
        try {
            return work.get();
        } finally {
            saved.restore();
        }
    }

    private <T> T onDriverThread(Supplier<T> work) {
        Driver d;
        synchronized (driverLock) {
            if (driverBusy) {
                return work.get(); // another thread explores on the driver now: this one drives itself
            }
            driverBusy = true;
            if (driver == null) {
                driver = new Driver();
                driver.worker.thread.start();
            }
            d = driver;
        }
        try {
            Task task = new Task(work, Thread.currentThread());
            watcherThread = Thread.currentThread();
            d.task = task;
            LockSupport.unpark(d.worker.thread);
            watch(d, task);
            if (task.failure instanceof RuntimeException e) {
                throw e;
            }
            if (task.failure instanceof Error e) {
                throw e;
            }
            if (task.failure != null) {
                throw new IllegalStateException(task.failure);
            }
            @SuppressWarnings("unchecked")
            T result = (T) task.result;
            return result;
        } finally {
            synchronized (driverLock) {
                driverBusy = false;
            }
        }
    }

    /** Waits for the driver's task; meanwhile watches the execution whose thread 0 runs on the driver. */
    private void watch(Driver d, Task task) {
        Execution watched = null;
        Execution unwound = null;
        long lastStep = -1;
        long lastProgress = System.nanoTime();
        long lastLook = lastProgress;
        while (!task.done) {
            // parks, never yields: a watcher taking turns at the cores slows every handoff of the
            // execution it watches; the driver wakes it when the task is done, and an execution when a
            // verdict arrives while its thread 0 waits for its turn
            Execution seen = inline.get();
            if (!verdictWithRootWaiting(seen)) {
                LockSupport.parkNanos(task, 5_000_000L);
            } else if (seen == unwound) {
                LockSupport.parkNanos(task, 200_000L); // thread 0 is unwinding
            }
            if (task.done) {
                return;
            }
            // as awaitEnd does: workers pinned where Weft did not look (one waiting inside the JVM for a
            // class another initializes, that one parked inside the initializer) may hold every awake
            // carrier while the driver, or a thread woken to unwind, waits in the queue
            pool.nudge();
            Execution execution = inline.get();
            long now = System.nanoTime();
            boolean away = now - lastLook > WATCHER_AWAY_NANOS;
            lastLook = now;
            if (execution == null) {
                watched = null;
                continue;
            }
            if (verdictWithRootWaiting(execution)) {
                // a verdict was reached while thread 0 (on the driver) waits for its turn: it unwinds
                // first, then the driver unwinds the other threads
                if (execution != unwound) {
                    unwound = execution;
                    awaitVerdictThread(execution);
                    if (execution.root().physicalWait != null) {
                        // thread 0 waits in Object.wait(): to unwind it must take the monitor back, which a
                        // thread switched out inside synchronized may hold, so the others unwind first, here
                        unwindThreads(execution, execution.root());
                    }
                    execution.turns.wakeToUnwind(execution.root());
                }
                continue;
            }
            long step = execution.status.progress();
            if (execution != watched || step != lastStep || away) {
                watched = execution;
                lastStep = step;
                lastProgress = now;
                continue;
            }
            LogicalThread current = execution.scheduling.currentThread();
            Outcome stuck = Watchdog.verdict(execution, current, now - lastProgress);
            if (stuck == null || !inline.compareAndSet(execution, null)) {
                continue;
            }
            if (giveUp(execution, current, stuck) && current.worker == d.worker) {
                // thread 0 itself unwound on the driver, which goes on with the exploration
                watched = null;
                continue;
            }
            if (current.worker == d.worker) {
                // thread 0 itself, on the driver: the exploration cannot go on there
                d.abandoned = true;
                synchronized (driverLock) {
                    driver = null;
                }
                unwind(execution);
                leave(d.worker.thread); // it never will
                throw new ExecutionStuckException(stuck);
            }
            // another thread: thread 0 unwinds on the driver, which then unwinds the rest
            execution.turns.wakeToUnwind(execution.root());
            watched = null;
        }
    }

    private void retire(LogicalThread thread) {
        if (thread.worker != null && !thread.finished) {
            thread.worker.retired = true;
            thread.finished = true;
            leakedWorkers.incrementAndGet();
        }
    }

    /** Unwinds every unfinished thread, one at a time, so that its worker can be reused. */
    private void unwind(Execution execution) {
        awaitVerdictThread(execution);
        unwindThreads(execution, null);
    }

    /**
     * Unwinds the unfinished threads but {@code except}, one at a time and in {@link
     * Turns#unwindOrder}: two threads unwinding at once would both run the program's code, and the
     * one that is not the runtime's current worker would run it outside Weft's control (its {@code
     * Thread.currentThread()} the worker thread, so a {@code ReentrantLock.unlock()} in a {@code
     * finally} threw {@code IllegalMonitorStateException}).
     */
    private void unwindThreads(Execution execution, LogicalThread except) {
        for (LogicalThread t : execution.turns.unwindOrder()) {
            if (t.finished || t == except) {
                continue;
            }
            execution.turns.wakeToUnwind(t);
            awaitUnwound(execution, t);
            retire(t);
        }
    }

    /**
     * Waits until the thread that had the turn when the verdict came (it gave it, mostly) has unwound,
     * before any other is woken to unwind: it still runs the program's {@code finally} blocks.
     */
    private static void awaitVerdictThread(Execution execution) {
        LogicalThread running = execution.scheduling.currentThread();
        if (running != null && running.worker != null && !running.awaiting) {
            awaitUnwound(execution, running);
        }
    }

    private static void awaitUnwound(Execution execution, LogicalThread t) {
        long deadline = System.nanoTime() + UNWIND_NANOS;
        while (!t.finished && !(t.awaiting && !t.turn) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(execution, 200_000L);
        }
    }

    private void resetDeterminism(long seed) {
        try {
            if (tlrSeeder != null) {
                ((AtomicLong) tlrSeeder.get(null)).set(dev.weft.scheduler.strategy.SeedMix.mix64(seed ^ 0x3C6EF372FE94F82BL));
            }
            if (tlrProbes != null) {
                ((AtomicInteger) tlrProbes.get(null)).set(0);
            }
            if (threadNumbers != null) {
                // the threads an execution creates without a name are Thread-0, Thread-1, … as in a fresh
                // JVM, in every execution (a thread created elsewhere meanwhile may share a name: harmless)
                threadNumbers.setInt(null, 0);
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // left as is: ThreadLocalRandom then varies between executions, which replay may notice
        }
    }

    private static Field staticField(String className, String name) {
        try {
            Field field = Class.forName(className).getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Workers given up on because they were stuck outside Weft's control. */
    int leakedWorkers() {
        return leakedWorkers.get();
    }

    String workerKind() {
        return pool.virtual() ? "virtual threads on weft's carrier" : "platform threads";
    }

    /** Worker threads created so far. */
    int workersCreated() {
        return pool.created();
    }
}
