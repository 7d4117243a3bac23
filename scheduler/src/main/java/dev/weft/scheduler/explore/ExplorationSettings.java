package dev.weft.scheduler.explore;

import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.strategy.Shard;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to explore.
 *
 * @param strategy a strategy name ({@code random}, {@code pct}, {@code pos}, {@code exhaustive},
 *     {@code portfolio}) as {@link dev.weft.scheduler.strategy.Strategies#create} takes it
 * @param options strategy options, {@code "key=value"}
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
public record ExplorationSettings(String strategy, List<String> options, long seed, long maxExecutions, Duration timeBudget,
        Shard shard, long maxSteps, DetectionMode detection, Set<String> suppressedRaces, FreshStatics statics) {

    public ExplorationSettings {
        options = List.copyOf(options);
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
    public ExplorationSettings(String strategy, List<String> options, long seed, long maxExecutions, Duration timeBudget,
            Shard shard, long maxSteps, DetectionMode detection, Set<String> suppressedRaces) {
        this(strategy, options, seed, maxExecutions, timeBudget, shard, maxSteps, detection, suppressedRaces, FreshStatics.ALL);
    }

    /** Settings without the detectors. */
    public ExplorationSettings(String strategy, List<String> options, long seed, long maxExecutions, Duration timeBudget,
            Shard shard, long maxSteps) {
        this(strategy, options, seed, maxExecutions, timeBudget, shard, maxSteps, DetectionMode.OFF, Set.of());
    }

    public static ExplorationSettings of(String strategy, long seed, long maxExecutions) {
        return new ExplorationSettings(strategy, List.of(), seed, maxExecutions, null, Shard.WHOLE,
                ExecutionOptions.DEFAULT_MAX_STEPS);
    }

    public ExplorationSettings withOptions(String... values) {
        return new ExplorationSettings(strategy, List.of(values), seed, maxExecutions, timeBudget, shard, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withShard(Shard value) {
        return new ExplorationSettings(strategy, options, seed, maxExecutions, timeBudget, value, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withTimeBudget(Duration value) {
        return new ExplorationSettings(strategy, options, seed, maxExecutions, value, shard, maxSteps, detection,
                suppressedRaces, statics);
    }

    public ExplorationSettings withDetection(DetectionMode value) {
        return new ExplorationSettings(strategy, options, seed, maxExecutions, timeBudget, shard, maxSteps, value,
                suppressedRaces, statics);
    }

    public ExplorationSettings withSuppressedRaces(Set<String> fields) {
        return new ExplorationSettings(strategy, options, seed, maxExecutions, timeBudget, shard, maxSteps, detection, fields, statics);
    }

    public ExplorationSettings withStatics(FreshStatics value) {
        return new ExplorationSettings(strategy, options, seed, maxExecutions, timeBudget, shard, maxSteps, detection,
                suppressedRaces, value);
    }

    /** The options of one execution of this exploration. */
    ExecutionOptions executionOptions(boolean trace) {
        return new ExecutionOptions(Explorer.drawSeed(seed), maxSteps, trace, detection, suppressedRaces, 0, 0, statics);
    }
}
