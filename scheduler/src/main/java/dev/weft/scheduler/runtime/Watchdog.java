package dev.weft.scheduler.runtime;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The watchdog's verdicts: what the controlling thread concludes about the thread with the turn when
 * the execution's step counter stops moving ({@link ExecutionStatus#progress}): blocked inside the
 * JVM, running without reaching a scheduling point, or waiting for a class another thread
 * initializes. Functions of what the watchdog sees; the {@link Controller} acts on them.
 */
final class Watchdog {

    private static final long STUCK_BLOCKED_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * How long a running thread may go without reaching a scheduling point before the execution gets
     * a verdict ({@code -Dweft.noProgressSeconds}, default 2): a loop on local variables, a long
     * computation in code Weft does not instrument.
     */
    static final long NO_PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(Math.max(1, Long.getLong("weft.noProgressSeconds", 2)));
    /** The same inside a class initializer or class loading, which run as one step and can take long on a cold JVM. */
    private static final long NO_PROGRESS_ATOMIC_NANOS = Math.max(NO_PROGRESS_NANOS, TimeUnit.SECONDS.toNanos(20));

    private Watchdog() {}

    /** The verdict on {@code current}, which made no progress for {@code idle} ns, or {@code null} (not yet). */
    static Outcome verdict(Execution execution, LogicalThread current, long idle) {
        Outcome stuck = initializerWait(execution, current, idle);
        return stuck != null ? stuck : stuck(current, idle);
    }

    /** The verdict on {@code current} when it made no progress for {@code idle} ns where Weft cannot see it; else {@code null}. */
    static Outcome stuck(LogicalThread current, long idle) {
        Worker worker = current == null ? null : current.worker;
        if (worker == null) {
            return null;
        }
        Thread.State state = worker.thread.getState();
        if (state == Thread.State.TERMINATED) {
            return new Outcome.Uncontrolled(current.name() + " has the turn, but its worker thread has ended", "");
        }
        boolean blockedOutside = state == Thread.State.BLOCKED
                || (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && !current.awaiting
                        && !waitsInsideInitializer(worker);
        if (blockedOutside && idle > STUCK_BLOCKED_NANOS) {
            return new Outcome.Uncontrolled(current.name() + " is blocked inside the JVM (" + state + "), outside weft's control",
                    stack(worker.thread));
        }
        if (!blockedOutside && idle > (worker.atomicDepth > 0 ? NO_PROGRESS_ATOMIC_NANOS : NO_PROGRESS_NANOS)) {
            List<StackTraceElement> frames = StackFilter.userFrames(worker.thread.getStackTrace(), 10);
            String at = frames.isEmpty() ? "" : ", at " + shortFrame(frames.get(0));
            return new Outcome.Hang(current.name() + " made no progress weft can see for " + TimeUnit.NANOSECONDS.toSeconds(idle)
                    + " s" + at, "  " + current.name() + " runs without reaching a scheduling point: a loop that touches no"
                    + " shared state, or code weft does not instrument (-Dweft.noProgressSeconds=N waits longer)\n"
                    + render(frames));
        }
        return null;
    }

    /**
     * The verdict when the thread with the turn has made no progress for a while and another thread
     * is blocked inside a class initializer: a class initializer runs without preemption until it
     * must wait for another thread; the JVM then still holds that class's initialization lock, and a
     * thread that needs the class waits for it inside the JVM, where Weft cannot see it (the JVM
     * shows it as running). {@code null} when that is not the case (yet).
     */
    static Outcome initializerWait(Execution execution, LogicalThread current, long idle) {
        if (current == null || current.worker == null || idle <= STUCK_BLOCKED_NANOS || current.awaiting) {
            return null;
        }
        String held = StuckReport.of(execution).blockedInsideInitializer(current);
        if (held == null) {
            return null;
        }
        return new Outcome.Uncontrolled(current.name() + " made no progress for " + TimeUnit.NANOSECONDS.toSeconds(idle)
                + " s, most likely waiting inside the JVM for a class that " + held
                + " (a class initializer runs without preemption until it must wait for another thread)", stack(current.worker.thread));
    }

    /**
     * Whether a worker waits (not for a monitor) inside a region that runs without preemption — a
     * class initializer most often, such as Mockito's attaching an agent through a helper process. No
     * other managed thread runs meanwhile, so nothing the runtime controls can be what it waits for:
     * it gets the time a running thread gets.
     */
    private static boolean waitsInsideInitializer(Worker worker) {
        return worker.atomicDepth > 0;
    }

    private static String stack(Thread thread) {
        return render(StackFilter.userFrames(thread.getStackTrace(), 10));
    }

    /** {@code Foo.bar(Foo.java:12)}: the frame without its package. */
    private static String shortFrame(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
                + (frame.getFileName() == null ? "unknown source" : frame.getFileName() + ":" + frame.getLineNumber()) + ")";
    }

    private static String render(List<StackTraceElement> frames) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : frames) {
            text.append("      at ").append(frame).append('\n');
        }
        return text.toString();
    }
}
