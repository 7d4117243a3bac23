package dev.weft.engine.execution;

import dev.weft.api.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an exploration covered, for the summary every test publishes and for progress lines.
 *
 * @param scenarios scenarios explored (0 for the imperative form)
 * @param executions executions run, replays and shrinking included
 * @param distinctInterleavings executions whose decision lists differed from every earlier one
 * @param executionsByStrategy executions per strategy (one entry unless the strategy is a portfolio)
 * @param elapsed wall-clock time spent
 * @param budgetSpent whether the time budget ended the exploration early
 * @param exhaustive whether every interleaving within the preemption bound was explored
 * @param suppressedRaces races found on suppressed fields: field to number of findings
 * @param raceWarnings headlines of the races and misuses found under {@code weft.races=warn}, the first
 *     few
 * @param notes notes on executions that passed (threads left waiting when the test's body returned),
 *     the first few
 */
public record ExplorationStatistics(int scenarios, long executions, long distinctInterleavings,
        Map<Strategy, Long> executionsByStrategy, Duration elapsed, boolean budgetSpent, boolean exhaustive,
        Map<String, Long> suppressedRaces, List<String> raceWarnings, List<String> notes) {

    /** Copies the maps and the lists. */
    public ExplorationStatistics {
        executionsByStrategy = Map.copyOf(executionsByStrategy);
        suppressedRaces = Map.copyOf(suppressedRaces);
        raceWarnings = List.copyOf(raceWarnings);
        notes = List.copyOf(notes);
    }

    /** Statistics without notes. */
    public ExplorationStatistics(int scenarios, long executions, long distinctInterleavings,
            Map<Strategy, Long> executionsByStrategy, Duration elapsed, boolean budgetSpent, boolean exhaustive,
            Map<String, Long> suppressedRaces, List<String> raceWarnings) {
        this(scenarios, executions, distinctInterleavings, executionsByStrategy, elapsed, budgetSpent, exhaustive,
                suppressedRaces, raceWarnings, List.of());
    }

    /** Statistics without race findings. */
    public ExplorationStatistics(int scenarios, long executions, long distinctInterleavings,
            Map<Strategy, Long> executionsByStrategy, Duration elapsed, boolean budgetSpent, boolean exhaustive) {
        this(scenarios, executions, distinctInterleavings, executionsByStrategy, elapsed, budgetSpent, exhaustive,
                Map.of(), List.of());
    }
}
