package dev.weft.scheduler.strategy;

import java.util.Optional;

/**
 * Chooses the interleaving of one execution after another.
 *
 * <p>A strategy is driven by a seed. For the randomized strategies, the decisions of execution
 * {@code j} depend only on the seed, on {@code j} and on what the program does in execution
 * {@code j}: that is what lets an exploration be split into shards and replayed. A strategy is used
 * by one thread at a time (the runtime calls it only from the thread that holds the turn).
 */
public interface Strategy {

    /** Starts execution number {@code index} (from 0) of the exploration. */
    void beginExecution(long index);

    /**
     * Returns the thread that runs next: one of {@code point}'s enabled threads. Returning
     * {@code point.current()} while it is enabled means "no switch", the cheap path.
     */
    int pick(SchedulingPoint point);

    /**
     * Ends the current execution.
     *
     * @return {@code false} when the strategy has explored everything it can (only bounded
     *     exhaustive search ever says so), {@code true} otherwise
     */
    boolean endExecution();

    /** Short description for reports, for example {@code "pct(depth=3)"}. */
    String describe();

    /**
     * The specification that {@link StrategySpec#create creates} this strategy, for counting executions by
     * strategy; empty for a strategy no specification describes (a replay, a wrapper, a test's own).
     */
    default Optional<StrategySpec> spec() {
        return Optional.empty();
    }

    /**
     * The strategy that decides the execution begun last: a portfolio's member for it, a wrapper's
     * delegate's, else this strategy. Counts the executions per strategy of a mix.
     */
    default Strategy deciding() {
        return this;
    }

    /**
     * For a strategy that has finished a complete search, the statement a user can rely on, for
     * example {@code "all 20 interleavings up to 2 preemptions explored"}; empty otherwise.
     */
    default Optional<String> completionStatement() {
        return Optional.empty();
    }
}
