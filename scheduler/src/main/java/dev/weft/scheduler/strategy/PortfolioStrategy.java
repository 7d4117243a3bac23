package dev.weft.scheduler.strategy;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The default strategy: each execution is run by one member, chosen uniformly from the execution's
 * own randomness, among a random walk, PCT of depths 2, 3 and 5, and POS.
 *
 * <p>No single randomized strategy is best on every bug: random walk and POS are good at shallow
 * races between many events, PCT at ordering bugs of a known small depth. Mixing them costs at most
 * a constant factor (here 5) against the best member on any bug. Member {@code m} is seeded with a
 * mix of the seed and {@code m}, and execution {@code j}'s member and decisions depend only on the
 * seed and {@code j}, so the portfolio shards like its members. Not thread-safe.
 */
public final class PortfolioStrategy implements Strategy {

    private final long seed;
    private final List<Strategy> members;
    private Strategy active;

    /** The default mix driven by {@code seed}. */
    public PortfolioStrategy(long seed) {
        this.seed = seed;
        this.members = List.of(
                new RandomWalkStrategy(ExecutionRandom.mix(seed, -1)),
                new PctStrategy(ExecutionRandom.mix(seed, -2), 2),
                new PctStrategy(ExecutionRandom.mix(seed, -3), 3),
                new PctStrategy(ExecutionRandom.mix(seed, -4), 5),
                new PosStrategy(ExecutionRandom.mix(seed, -5)));
    }

    /** The member that runs execution {@code index}. */
    public Strategy memberFor(long index) {
        SplittableRandom random = ExecutionRandom.of(seed, index);
        return members.get(random.nextInt(members.size()));
    }

    @Override
    public void beginExecution(long index) {
        active = memberFor(index);
        active.beginExecution(index);
    }

    @Override
    public int pick(SchedulingPoint point) {
        if (active == null) {
            throw new IllegalStateException("pick called before beginExecution");
        }
        return active.pick(point);
    }

    @Override
    public Strategy deciding() {
        return active == null ? this : active;
    }

    @Override
    public boolean endExecution() {
        active.endExecution();
        return true;
    }

    @Override
    public Optional<StrategySpec> spec() {
        return Optional.of(new StrategySpec.Portfolio());
    }

    @Override
    public String describe() {
        return members.stream().map(Strategy::describe)
                .collect(Collectors.joining(", ", "portfolio(", "; each 1/" + members.size() + " of executions)"));
    }
}
