package dev.weft.engine.report;

import dev.weft.engine.scenario.Scenario;
import dev.weft.scheduler.runtime.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The structured content of a failure, for the HTML page: the scenario with its results, the
 * interleaving's events and which of them to highlight. The text report says the same in tables;
 * the page is drawn from these objects, never from the text.
 *
 * @param headline the outcome's headline, in full
 * @param scenario the (shrunk) scenario's cells, {@code put(1, 2): null}; empty in the imperative form
 * @param culpritCall the scenario cell of the call that cannot be placed (not linearizable); else empty
 * @param trace the interleaving, in order; events the trace could not hold (the access at which a
 *     race was found, the exception that ended a thread) are added at the end
 * @param threads the number of threads (lanes), thread 0 included
 * @param highlights events to highlight, by index in {@code trace}
 */
public record FailureView(String headline, Optional<Scenario<String>> scenario, Optional<Cell> culpritCall,
        List<TraceEvent> trace, int threads, Map<Integer, Highlight> highlights) {

    /** Copies the lists. */
    public FailureView {
        trace = List.copyOf(trace);
        highlights = Map.copyOf(highlights);
    }

    /** Why an event is highlighted. */
    public enum Highlight {
        /** One of the two accesses of a data race, or of two threads inside one collection. */
        RACE,
        /** The step that failed: the call no sequential order explains, the exception that ended a thread. */
        CULPRIT
    }

    /**
     * A call of the scenario.
     *
     * @param thread the column: 1 for thread 1, …; 0 for the sequential parts (before, then after)
     * @param index the call's position in that column (before and after counted together for 0)
     */
    public record Cell(int thread, int index) {
    }
}
