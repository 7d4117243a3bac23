package dev.weft.scheduler.explore;

import java.time.Duration;
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
 */
public record Exploration(long executions, long distinctInterleavings, Duration elapsed, String strategy,
        Optional<String> completion, Optional<Failure> failure, boolean stoppedByTimeBudget) {

    public double executionsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : executions / seconds;
    }
}
