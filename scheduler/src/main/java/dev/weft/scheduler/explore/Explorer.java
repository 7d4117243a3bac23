package dev.weft.scheduler.explore;

import dev.weft.scheduler.replay.DecisionList;
import dev.weft.scheduler.replay.RecordingStrategy;
import dev.weft.scheduler.replay.ReplayStrategy;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.ShardedStrategy;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a program again and again under a strategy until it fails, the strategy has nothing left to
 * explore, or the budget is spent; replays a recorded execution.
 */
public final class Explorer {

    private final ControlledRuntime runtime;

    public Explorer(ControlledRuntime runtime) {
        this.runtime = runtime;
    }

    /** The seed of execution {@code index} of an exploration seeded with {@code seed}. */
    public static long executionSeed(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Executions run before exploring or replaying, their outcomes ignored (see {@link #warmUp}). */
    static final int WARM_UP_EXECUTIONS = 3;

    /**
     * Runs the program a few times, unrecorded, before an exploration or a replay. The JDK fills
     * caches the first time a path runs (method types, lambda forms, reflection data), and some of
     * that goes through instrumented collections: without a warm-up, the first execution of a JVM
     * would have scheduling points that a replay in a warm JVM has not, and the reverse.
     */
    private void warmUp(Program program) {
        Strategy strategy = Strategies.create("random", 0x5EED);
        for (int i = 0; i < WARM_UP_EXECUTIONS; i++) {
            strategy.beginExecution(i);
            try {
                runtime.execute(program, strategy, new ExecutionOptions(executionSeed(0x5EED, i), 20_000, false));
            } catch (RuntimeException ignored) {
                // a warm-up only loads and links; what it finds does not count
            }
            strategy.endExecution();
        }
    }

    /** Explores {@code program}, stopping at the first failing execution. */
    public Exploration explore(Program program, ExplorationSettings settings) {
        warmUp(program);
        Strategy base = Strategies.create(settings.strategy(), settings.seed(), settings.options().toArray(new String[0]));
        Strategy sharded = Strategies.shard(base, settings.shard());
        RecordingStrategy strategy = new RecordingStrategy(sharded);
        long start = System.nanoTime();
        long deadline = settings.timeBudget() == null ? Long.MAX_VALUE : start + settings.timeBudget().toNanos();
        Set<DecisionList> seen = new HashSet<>();
        long executions = 0;
        boolean more = true;
        boolean timedOut = false;
        Failure failure = null;
        while (more && executions < settings.maxExecutions()) {
            if (System.nanoTime() > deadline) {
                timedOut = true;
                break;
            }
            strategy.beginExecution(executions);
            long global = sharded instanceof ShardedStrategy s ? s.globalIndex(executions) : executions;
            ExecutionResult result = runtime.execute(program, strategy,
                    new ExecutionOptions(executionSeed(settings.seed(), global), settings.maxSteps(), false));
            more = strategy.endExecution();
            executions++;
            DecisionList decisions = strategy.decisions();
            seen.add(decisions);
            if (result.outcome().failed()) {
                failure = new Failure(global, settings.seed(), decisions, result.outcome());
                break;
            }
        }
        return new Exploration(executions, seen.size(), Duration.ofNanos(System.nanoTime() - start), strategy.describe(),
                failure == null ? sharded.completionStatement() : Optional.empty(), Optional.ofNullable(failure), timedOut);
    }

    /**
     * Replays one recorded execution with its trace.
     *
     * @throws dev.weft.scheduler.replay.ReplayDivergenceException when the program no longer behaves
     *     as it did when the decisions were recorded, saying where
     */
    public ExecutionResult replay(Program program, long seed, long execution, DecisionList decisions, long maxSteps) {
        warmUp(program);
        ReplayStrategy strategy = new ReplayStrategy(decisions);
        strategy.beginExecution(0);
        ExecutionResult result = runtime.execute(program, strategy, new ExecutionOptions(executionSeed(seed, execution), maxSteps, true));
        strategy.endExecution();
        return result;
    }
}
