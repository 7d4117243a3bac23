package dev.weft.scheduler.runtime;

import java.util.List;
import java.util.Map;

/**
 * What one execution did.
 *
 * @param outcome how it ended
 * @param steps scheduling points passed
 * @param switches context switches (the turn going from one thread to another)
 * @param preemptions switches away from a thread that could have gone on
 * @param threads threads the execution started, the main one included
 * @param trace the events, when tracing was asked for; otherwise empty
 * @param warnings findings of the detectors under {@link DetectionMode#WARN}, first per headline; else empty
 * @param suppressedRaces races found on suppressed fields: field ({@code Owner.field}) to count
 * @param notes what a user should know about an execution that passed: threads left waiting when the
 *     program's body returned
 */
public record ExecutionResult(Outcome outcome, long steps, int switches, int preemptions, int threads, List<TraceEvent> trace,
        List<Outcome> warnings, Map<String, Integer> suppressedRaces, List<String> notes) {

    public ExecutionResult {
        trace = List.copyOf(trace);
        warnings = List.copyOf(warnings);
        suppressedRaces = Map.copyOf(suppressedRaces);
        notes = List.copyOf(notes);
    }

    /** A result without notes. */
    public ExecutionResult(Outcome outcome, long steps, int switches, int preemptions, int threads, List<TraceEvent> trace,
            List<Outcome> warnings, Map<String, Integer> suppressedRaces) {
        this(outcome, steps, switches, preemptions, threads, trace, warnings, suppressedRaces, List.of());
    }

    /** A result without detector findings. */
    public ExecutionResult(Outcome outcome, long steps, int switches, int preemptions, int threads, List<TraceEvent> trace) {
        this(outcome, steps, switches, preemptions, threads, trace, List.of(), Map.of(), List.of());
    }

    /** The interleaving as text, a column per thread; empty when the execution was not traced. */
    public String renderTrace() {
        return TraceRenderer.render(trace, threads);
    }

    /**
     * The interleaving as text, the steps at {@code keep} (indices in {@link #trace}: the racing accesses,
     * the failing step) each shown on a line of their own.
     */
    public String renderTrace(java.util.Set<Integer> keep) {
        return TraceRenderer.render(trace, threads, keep);
    }
}
