package dev.weft.scheduler.explore;

import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.strategy.Shard;
import dev.weft.scheduler.strategy.StrategySpec;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to explore.
 *
 * @param strategy the strategy, with its parameters
 * @param seed drives the strategy and every draw of every execution
 * @param maxExecutions executions to run at most (in this shard)
 * @param timeBudget wall-clock time after which the exploration stops cleanly; {@code null} = none
 * @param shard the part of the exploration to run
 * @param maxSteps scheduling points after which one execution is declared a hang
 * @param detection what the data-race and collection-misuse detectors do in each execution
 *     ({@link DetectionMode#OFF} unless asked for)
 * @param suppressedRaces fields ({@code Owner.field}) whose races are counted, not reported
 * @param statics whether each execution starts from a fresh JVM's static state ({@link FreshStatics#ALL}
 *     unless asked otherwise)
 */
public record ExplorationSettings(StrategySpec strategy, long seed, long maxExecutions, Duration timeBudget,
        Shard shard, long maxSteps, DetectionMode detection, Set<String> suppressedRaces, FreshStatics statics) {

    public ExplorationSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(statics, "statics");
        suppressedRaces = Set.copyOf(suppressedRaces);
        if (maxExecutions < 1) {
            throw new IllegalArgumentException("maxExecutions must be at least 1, was " + maxExecutions);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
    }

    /** Settings with fresh statics. */
    public ExplorationSettings(StrategySpec strategy, long seed, long maxExecutions, Duration timeBudget,
            Shard shard, long maxSteps, DetectionMode detection, Set<String> suppressedRaces) {
        this(strategy, seed, maxExecutions, timeBudget, shard, maxSteps, detection, suppressedRaces, FreshStatics.ALL);
    }

    /** Settings without the detectors. */
    public ExplorationSettings(StrategySpec strategy, long seed, long maxExecutions, Duration timeBudget,
            Shard shard, long maxSteps) {
        this(strategy, seed, maxExecutions, timeBudget, shard, maxSteps, DetectionMode.OFF, Set.of());
    }

    /** The whole exploration by {@code strategy}, without time budget or detectors, executions of the default step bound. */
    public static ExplorationSettings of(StrategySpec strategy, long seed, long maxExecutions) {
        return new ExplorationSettings(strategy, seed, maxExecutions, null, Shard.WHOLE,
                ExecutionOptions.DEFAULT_MAX_STEPS);
    }

    public ExplorationSettings withStrategy(StrategySpec value) {
        return new ExplorationSettings(value, seed, maxExecutions, timeBudget, shard, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withShard(Shard value) {
        return new ExplorationSettings(strategy, seed, maxExecutions, timeBudget, value, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withTimeBudget(Duration value) {
        return new ExplorationSettings(strategy, seed, maxExecutions, value, shard, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withDetection(DetectionMode value) {
        return new ExplorationSettings(strategy, seed, maxExecutions, timeBudget, shard, maxSteps, value,
                suppressedRaces, statics);
    }

    public ExplorationSettings withSuppressedRaces(Set<String> fields) {
        return new ExplorationSettings(strategy, seed, maxExecutions, timeBudget, shard, maxSteps, detection, fields, statics);
    }

    public ExplorationSettings withStatics(FreshStatics value) {
        return new ExplorationSettings(strategy, seed, maxExecutions, timeBudget, shard, maxSteps, detection,
                suppressedRaces, value);
    }

    /** The options of one execution of this exploration. */
    ExecutionOptions executionOptions(boolean trace) {
        return new ExecutionOptions(Explorer.drawSeed(seed), maxSteps, trace, detection, suppressedRaces, 0, 0, statics);
    }
}
