package dev.weft.scheduler.strategy;

/**
 * Which strategy an exploration runs, with its parameters, as a value: what the engine, an explorer and
 * a benchmark hand each other instead of a name and {@code "key=value"} options. {@link #create} builds
 * the strategy for one seed; the text form a person types ({@code pct depth=2}) is read by {@link
 * Strategies#parse}.
 *
 * <p>The shard an exploration runs is not part of the specification: it is given beside it, and
 * applied by {@link Strategies#shard}.
 */
public sealed interface StrategySpec {

    /** The strategy this specification describes, driven by {@code seed}, not yet run. */
    Strategy create(long seed);

    /**
     * A random walk: at each scheduling point, switch to another enabled thread with probability
     * {@code switchProbability} (see {@link RandomWalkStrategy}).
     *
     * @param switchProbability between 0 and 1
     */
    record RandomWalk(double switchProbability) implements StrategySpec {

        /** Checks the probability. */
        public RandomWalk {
            if (!(switchProbability >= 0 && switchProbability <= 1)) {
                throw new IllegalArgumentException("switch probability must be between 0 and 1, was " + switchProbability);
            }
        }

        /** A random walk with the {@linkplain RandomWalkStrategy#DEFAULT_SWITCH_PROBABILITY default probability}. */
        public RandomWalk() {
            this(RandomWalkStrategy.DEFAULT_SWITCH_PROBABILITY);
        }

        @Override
        public Strategy create(long seed) {
            return new RandomWalkStrategy(seed, switchProbability);
        }
    }

    /**
     * Probabilistic concurrency testing for bugs of depth {@code depth} (see {@link PctStrategy}).
     *
     * @param depth at least 1
     * @param steps the number of contested steps of an execution when known, 0 when not
     */
    record Pct(int depth, long steps) implements StrategySpec {

        /** Checks the depth and the steps. */
        public Pct {
            if (depth < 1) {
                throw new IllegalArgumentException("pct depth must be at least 1, was " + depth);
            }
            if (steps < 0) {
                throw new IllegalArgumentException("pct steps must be at least 0 (0: unknown), was " + steps);
            }
        }

        /** PCT of the given depth, the number of steps unknown. */
        public Pct(int depth) {
            this(depth, 0);
        }

        /** PCT of the {@linkplain PctStrategy#DEFAULT_DEPTH default depth}. */
        public Pct() {
            this(PctStrategy.DEFAULT_DEPTH);
        }

        @Override
        public Strategy create(long seed) {
            return new PctStrategy(seed, depth, steps);
        }
    }

    /** Partial order sampling (see {@link PosStrategy}). */
    record Pos() implements StrategySpec {

        @Override
        public Strategy create(long seed) {
            return new PosStrategy(seed);
        }
    }

    /**
     * Bounded-exhaustive search of every interleaving with at most {@code preemptionBound} preemptions
     * (see {@link ExhaustiveStrategy}); it ignores the seed. An explorer runs it as iterative preemption
     * bounding: bound 0, then 1, … up to this one.
     *
     * @param preemptionBound at least 0, or {@link ExhaustiveStrategy#UNBOUNDED}
     */
    record Exhaustive(int preemptionBound) implements StrategySpec {

        /** Every interleaving, however many preemptions it has. */
        public static final Exhaustive UNBOUNDED = new Exhaustive(ExhaustiveStrategy.UNBOUNDED);

        /** Checks the bound. */
        public Exhaustive {
            if (preemptionBound < 0) {
                throw new IllegalArgumentException("preemption bound must be at least 0, was " + preemptionBound);
            }
        }

        /** The {@linkplain ExhaustiveStrategy#DEFAULT_PREEMPTION_BOUND default bound}. */
        public Exhaustive() {
            this(ExhaustiveStrategy.DEFAULT_PREEMPTION_BOUND);
        }

        /** Whether every interleaving is searched, with no bound on preemptions. */
        public boolean unbounded() {
            return preemptionBound == ExhaustiveStrategy.UNBOUNDED;
        }

        @Override
        public Strategy create(long seed) {
            return new ExhaustiveStrategy(preemptionBound);
        }
    }

    /** The default mix of the randomized strategies (see {@link PortfolioStrategy}). */
    record Portfolio() implements StrategySpec {

        @Override
        public Strategy create(long seed) {
            return new PortfolioStrategy(seed);
        }
    }
}
