package dev.weft.api;

/**
 * How Weft chooses the interleavings it explores.
 *
 * <p>Every strategy explores sequentially consistent executions only: one managed thread runs at a
 * time. Reorderings by the JIT or the CPU need a tool such as jcstress.
 */
public enum Strategy {

    /** Use the strategy configured by {@code weft.strategy.default} (built-in default {@link #PORTFOLIO}). */
    DEFAULT,

    /** Random walk: at every scheduling point each enabled thread is equally likely to run next. */
    RANDOM,

    /**
     * Probabilistic concurrency testing: random thread priorities with a few priority change points,
     * which finds a bug of small depth with a known minimum probability per execution.
     */
    PCT,

    /** Partial order sampling: random priorities reassigned after each step, biased towards racing steps. */
    POS,

    /**
     * Bounded-exhaustive depth-first search by preemptions: explores every interleaving with at most
     * {@link ConcurrencyTest#preemptionBound()} preemptions, and says so when it has explored them all.
     */
    EXHAUSTIVE,

    /** A mix of the other strategies across the executions of one test; a good default. */
    PORTFOLIO
}
