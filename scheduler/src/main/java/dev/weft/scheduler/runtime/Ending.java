package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How an execution ends: its verdict (the first one given wins; a failure of Weft's own runtime
 * inside the program overrides a passing one, see {@link WeftFailures}), the outcome when no thread
 * can run (see {@link StuckReport#outcome}), the notes of an execution that passed, and the {@link
 * ExecutionResult} the controller returns. A verdict is given on the thread with the turn ({@link
 * #finish}); the controller reads the result once the execution is over and unwound.
 */
final class Ending {

    private final Execution execution;
    private final ExecutionStatus status;
    private final WeftFailures weftFailures;
    private final ThreadControl threadControl;
    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final Findings findings;
    /** Notes on this execution, which passed: threads left waiting when the body returned, uncaught exceptions handled. */
    private final List<String> notes = new ArrayList<>(0);

    Ending(Execution execution, WeftFailures weftFailures, ThreadControl threadControl, Findings findings) {
        this.execution = execution;
        this.status = execution.status;
        this.weftFailures = weftFailures;
        this.threadControl = threadControl;
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.findings = findings;
    }

    /** Records the verdict (the first one wins) and wakes the controller. */
    void finish(Outcome outcome) {
        if (status.verdict == null) {
            status.verdict = weftFailures.any() && !(outcome instanceof Outcome.Uncontrolled) ? weftFailures.outcome() : outcome;
        }
        if (!threadControl.allFinished()) {
            status.aborting = true;
        }
        status.done = true;
        LockSupport.unpark(execution.controller);
        Thread watching = status.watcher;
        if (watching != null && status.aborting && !execution.root().finished) {
            // thread 0 runs on the controller's own thread and may wait for a turn it will not get:
            // the watcher wakes it to unwind (an execution that ends normally leaves the watcher parked)
            LockSupport.unpark(watching);
        }
    }

    /** The outcome when no thread can run (see {@link StuckReport#outcome}); notes the threads left waiting when it passes. */
    Outcome stuckOutcome() {
        StuckReport report = StuckReport.of(execution);
        Outcome outcome = report.outcome();
        if (outcome instanceof Outcome.Passed) {
            notes.addAll(report.leftovers());
        }
        return outcome;
    }

    /** Adds a note on this execution, unless it has it already. */
    void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /**
     * What the controller returns for this execution, over and unwound: its verdict (passed when none
     * was given), its counts, its trace when {@code traced}, the detectors' warnings and the notes of
     * an execution that did not fail.
     */
    ExecutionResult result(boolean traced) {
        Outcome outcome = status.verdict == null ? new Outcome.Passed() : status.verdict;
        List<TraceEvent> events = traced ? List.copyOf(trace.events()) : List.of();
        return new ExecutionResult(outcome, status.step(), scheduling.switches(), scheduling.preemptions(),
                execution.threads.size(), events, findings.warnings(), findings.suppressedRaces(),
                outcome.failed() ? List.of() : notes);
    }
}
