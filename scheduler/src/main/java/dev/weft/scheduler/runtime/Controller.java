package dev.weft.scheduler.runtime;

import dev.weft.boot.WorkerState;
import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.strategy.Strategy;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The controlling side of executions: starts them, watches them, unwinds what is left. */
final class Controller {

    private static final long STUCK_BLOCKED_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long STUCK_RUNNING_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final long UNWIND_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final WorkerPool pool = new WorkerPool();
    private final ThreadObjects threadObjects = new ThreadObjects();
    private final Field tlrSeeder;
    private final Field tlrProbes;
    private int leakedWorkers;

    Controller() {
        this.tlrSeeder = staticField("java.util.concurrent.ThreadLocalRandom", "seeder");
        this.tlrProbes = staticField("java.util.concurrent.ThreadLocalRandom", "probeGenerator");
    }

    /**
     * Runs one execution of {@code program}. The caller drives the strategy's execution lifecycle
     * ({@link Strategy#beginExecution}, {@link Strategy#endExecution}).
     *
     * @throws IllegalStateException if some classes could not be instrumented (the execution would
     *     silently miss interleavings) or if called from a managed thread
     */
    synchronized ExecutionResult execute(Program program, Strategy strategy, ExecutionOptions options) {
        if (WorkerState.current() != null) {
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
        execution.start(program);
        awaitEnd(execution);
        if (execution.aborting) {
            unwind(execution);
        }
        if (execution.strategyFailure != null) {
            throw execution.strategyFailure;
        }
        Outcome outcome = execution.verdict() == null ? new Outcome.Passed() : execution.verdict();
        List<TraceEvent> trace = options.trace() ? List.copyOf(execution.trace()) : List.of();
        return new ExecutionResult(outcome, execution.steps(), execution.switches(), execution.preemptions(),
                execution.threads().size(), trace, execution.warnings(), execution.suppressedRaces());
    }

    private void awaitEnd(Execution execution) {
        long lastStep = -1;
        long lastProgress = System.nanoTime();
        if (Handoffs.await(() -> execution.done)) {
            return;
        }
        while (!execution.done) {
            LockSupport.parkNanos(execution, 5_000_000L);
            if (execution.done) {
                break;
            }
            long now = System.nanoTime();
            long step = execution.progress();
            if (step != lastStep) {
                lastStep = step;
                lastProgress = now;
                continue;
            }
            pool.nudge();
            LogicalThread current = execution.currentThreadState();
            Worker worker = current == null ? null : current.worker;
            if (worker == null) {
                continue;
            }
            Thread.State state = worker.thread.getState();
            boolean blockedOutside = state == Thread.State.BLOCKED
                    || (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && !current.awaiting;
            long idle = now - lastProgress;
            if (blockedOutside && idle > STUCK_BLOCKED_NANOS) {
                execution.finishFromController(new Outcome.Uncontrolled(current.name()
                        + " is blocked inside the JVM (" + state + "), outside weft's control", stack(worker.thread)));
                retire(current);
            } else if (!blockedOutside && idle > STUCK_RUNNING_NANOS) {
                execution.finishFromController(new Outcome.Hang(current.name() + " ran for "
                        + TimeUnit.NANOSECONDS.toSeconds(idle) + " s without reaching a scheduling point", stack(worker.thread)));
                retire(current);
            }
        }
    }

    private void retire(LogicalThread thread) {
        if (thread.worker != null && !thread.finished) {
            thread.worker.retired = true;
            thread.finished = true;
            leakedWorkers++;
        }
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : StackFilter.userFrames(thread.getStackTrace(), 10)) {
            text.append("      at ").append(frame).append('\n');
        }
        return text.toString();
    }

    /** Unwinds every unfinished thread, one at a time, so that its worker can be reused. */
    private void unwind(Execution execution) {
        List<LogicalThread> order = new ArrayList<>();
        for (LogicalThread t : execution.threads()) {
            if (!t.finished && t.physicalWait == null) {
                order.add(t);
            }
        }
        for (LogicalThread t : execution.threads()) {
            if (!t.finished && t.physicalWait != null) {
                order.add(t);
            }
        }
        for (LogicalThread t : order) {
            if (t.finished) {
                continue;
            }
            execution.wakeToUnwind(t);
            long deadline = System.nanoTime() + UNWIND_NANOS;
            while (!t.finished && System.nanoTime() < deadline) {
                LockSupport.parkNanos(execution, 200_000L);
            }
            retire(t);
        }
    }

    private void resetDeterminism(long seed) {
        try {
            if (tlrSeeder != null) {
                ((AtomicLong) tlrSeeder.get(null)).set(Mix.mix64(seed ^ 0x3C6EF372FE94F82BL));
            }
            if (tlrProbes != null) {
                ((AtomicInteger) tlrProbes.get(null)).set(0);
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
    synchronized int leakedWorkers() {
        return leakedWorkers;
    }

    String workerKind() {
        return pool.virtual() ? "virtual threads on weft's carrier" : "platform threads";
    }

    /** Worker threads created so far. */
    int workersCreated() {
        return pool.created();
    }
}
