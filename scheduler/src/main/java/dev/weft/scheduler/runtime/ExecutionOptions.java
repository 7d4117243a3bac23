package dev.weft.scheduler.runtime;

/**
 * Settings of one execution.
 *
 * @param seed drives every nondeterministic draw the runtime makes (identity hash codes, random seeds)
 * @param maxSteps scheduling points after which the execution is declared a hang
 * @param trace whether to record the events of the execution (slower; used to report and replay)
 */
public record ExecutionOptions(long seed, long maxSteps, boolean trace) {

    /** The default step bound: generous for tests of a few operations per thread. */
    public static final long DEFAULT_MAX_STEPS = 200_000;

    public ExecutionOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
    }

    public static ExecutionOptions of(long seed) {
        return new ExecutionOptions(seed, DEFAULT_MAX_STEPS, false);
    }

    public ExecutionOptions traced() {
        return new ExecutionOptions(seed, maxSteps, true);
    }
}
