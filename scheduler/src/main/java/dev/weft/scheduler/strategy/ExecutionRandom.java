package dev.weft.scheduler.strategy;

import java.util.SplittableRandom;

/**
 * Per-execution randomness: a function of the exploration's seed and the execution index only.
 *
 * <p>The two are combined with {@link SeedMix} so that neighbouring
 * seeds and indices give unrelated streams; execution {@code j} can then be run alone, in any order,
 * on any shard.
 */
final class ExecutionRandom {

    private ExecutionRandom() {}

    /** The random source of execution {@code index} of an exploration driven by {@code seed}. */
    static SplittableRandom of(long seed, long index) {
        return new SplittableRandom(mix(seed, index));
    }

    /** A well-mixed combination of the two values; different pairs give unrelated results. */
    static long mix(long seed, long index) {
        return SeedMix.mix64(SeedMix.mix64(seed ^ 0x5851f42d4c957f2dL) + SeedMix.GOLDEN_GAMMA * (index + 1));
    }
}
