package dev.weft.scheduler.runtime;

import java.util.List;

/**
 * What one execution did.
 *
 * @param outcome how it ended
 * @param steps scheduling points passed
 * @param switches context switches (the turn going from one thread to another)
 * @param preemptions switches away from a thread that could have gone on
 * @param threads threads the execution started, the main one included
 * @param trace the events, when tracing was asked for; otherwise empty
 */
public record ExecutionResult(Outcome outcome, long steps, int switches, int preemptions, int threads, List<TraceEvent> trace) {

    /** The interleaving as text, a column per thread; empty when the execution was not traced. */
    public String renderTrace() {
        return TraceRenderer.render(trace, threads);
    }
}
