package dev.weft.scheduler.explore;

import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.StrategySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an exploration did.
 *
 * @param executions executions run
 * @param distinctInterleavings executions whose decision lists differed from every earlier one
 * @param elapsed wall-clock time
 * @param strategy the strategy's description
 * @param completion for a complete bounded-exhaustive search, the statement a user can rely on
 * @param failure the first failing execution, if any
 * @param stoppedByTimeBudget whether the time budget ended the exploration
 * @param warnings detector findings under {@link dev.weft.scheduler.runtime.DetectionMode#WARN}, the
 *     first of each headline, at most 20
 * @param suppressedRaces races found on suppressed fields, over all executions: field to count
 * @param executionsByStrategy executions per deciding strategy, by its {@linkplain
 *     dev.weft.scheduler.strategy.Strategy#spec() specification}: a portfolio's members, or the one strategy
 *     (a bounded-exhaustive search: one entry per preemption bound it ran)
 * @param notes notes on executions that passed (threads left waiting when the body returned), the first
 *     of each text, at most 5
 */
public record Exploration(long executions, long distinctInterleavings, Duration elapsed, String strategy,
        Optional<String> completion, Optional<Failure> failure, boolean stoppedByTimeBudget, List<Outcome> warnings,
        Map<String, Long> suppressedRaces, Map<StrategySpec, Long> executionsByStrategy, List<String> notes) {

    public Exploration {
        warnings = List.copyOf(warnings);
        suppressedRaces = Map.copyOf(suppressedRaces);
        executionsByStrategy = Map.copyOf(executionsByStrategy);
        notes = List.copyOf(notes);
    }

    /** An exploration that did not count its executions per strategy, without notes. */
    public Exploration(long executions, long distinctInterleavings, Duration elapsed, String strategy,
            Optional<String> completion, Optional<Failure> failure, boolean stoppedByTimeBudget, List<Outcome> warnings,
            Map<String, Long> suppressedRaces) {
        this(executions, distinctInterleavings, elapsed, strategy, completion, failure, stoppedByTimeBudget, warnings,
                suppressedRaces, Map.of(), List.of());
    }

    /** An exploration without detector findings. */
    public Exploration(long executions, long distinctInterleavings, Duration elapsed, String strategy,
            Optional<String> completion, Optional<Failure> failure, boolean stoppedByTimeBudget) {
        this(executions, distinctInterleavings, elapsed, strategy, completion, failure, stoppedByTimeBudget, List.of(), Map.of());
    }

    public double executionsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : executions / seconds;
    }
}
