package dev.weft.scheduler.strategy;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random walk: at each scheduling point with a choice, keep running the current thread, or, with
 * probability {@code switchProbability}, switch to another enabled thread chosen uniformly.
 *
 * <p>The switch is forced when the current thread is blocked or finished (then any enabled thread,
 * uniformly) and when it is {@linkplain SchedulingPoint#spinning spinning} (then another enabled
 * thread, uniformly). The default probability, {@value #DEFAULT_SWITCH_PROBABILITY}, makes runs of
 * a thread 4 events long on average: short enough to split the read and the write of a lost update
 * often, long enough to keep the number of (costly) thread switches low.
 *
 * <p>Execution {@code j}'s decisions depend only on the seed, on {@code j} and on what the program
 * does. There is no probabilistic guarantee for deep bugs; {@link PctStrategy} gives one. Not
 * thread-safe: used by one thread at a time, as {@link Strategy} says.
 */
public final class RandomWalkStrategy implements Strategy {

    /** Probability of a switch at a point where the current thread could go on. */
    public static final double DEFAULT_SWITCH_PROBABILITY = 0.25;

    private final long seed;
    private final double switchProbability;
    private SplittableRandom random;

    /** A random walk with the {@linkplain #DEFAULT_SWITCH_PROBABILITY default switch probability}. */
    public RandomWalkStrategy(long seed) {
        this(seed, DEFAULT_SWITCH_PROBABILITY);
    }

    /**
     * A random walk that switches with the given probability.
     *
     * @throws IllegalArgumentException when the probability is not in {@code [0, 1]}
     */
    public RandomWalkStrategy(long seed, double switchProbability) {
        if (!(switchProbability >= 0 && switchProbability <= 1)) {
            throw new IllegalArgumentException(
                    "switch probability must be between 0 and 1, was " + switchProbability);
        }
        this.seed = seed;
        this.switchProbability = switchProbability;
    }

    @Override
    public void beginExecution(long index) {
        random = ExecutionRandom.of(seed, index);
    }

    @Override
    public int pick(SchedulingPoint point) {
        int enabledCount = point.enabledCount();
        if (enabledCount == 1) {
            return point.enabled(0);
        }
        SplittableRandom random = requireStarted();
        int current = point.current();
        if (!point.isEnabled(current)) {
            return point.enabled(random.nextInt(enabledCount));
        }
        if (!point.spinning(current) && random.nextDouble() >= switchProbability) {
            return current;
        }
        int skip = random.nextInt(enabledCount - 1);
        for (int i = 0; i < enabledCount; i++) {
            int thread = point.enabled(i);
            if (thread != current && skip-- == 0) {
                return thread;
            }
        }
        throw new IllegalStateException("current thread " + current + " is enabled but not listed among "
                + enabledCount + " enabled threads");
    }

    @Override
    public boolean endExecution() {
        return true;
    }

    @Override
    public Optional<StrategySpec> spec() {
        return Optional.of(new StrategySpec.RandomWalk(switchProbability));
    }

    @Override
    public String describe() {
        return "random(p=" + switchProbability + ")";
    }

    private SplittableRandom requireStarted() {
        if (random == null) {
            throw new IllegalStateException("pick called before beginExecution");
        }
        return random;
    }
}
