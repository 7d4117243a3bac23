package dev.weft.engine.execution;

import dev.weft.engine.report.FailureReport;

/** How an exploration ended: every execution passed, or one failed (after shrinking). */
public sealed interface ExplorationResult {

    /** What the exploration covered. */
    ExplorationStatistics statistics();

    /** Every execution passed, including when the time budget ended the exploration early. */
    record Passed(ExplorationStatistics statistics) implements ExplorationResult {
    }

    /**
     * An execution failed; the report describes the smallest failing execution found.
     *
     * @param statistics what the exploration covered
     * @param report the failure report, with its replay token
     */
    record Failed(ExplorationStatistics statistics, FailureReport report) implements ExplorationResult {
    }
}
