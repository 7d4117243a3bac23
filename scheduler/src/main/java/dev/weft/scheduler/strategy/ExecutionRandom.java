package dev.weft.scheduler.strategy;

import java.util.SplittableRandom;

/**
 * Per-execution randomness: a function of the exploration's seed and the execution index only.
 *
 * <p>The two are combined with SplitMix64's finalizer (Stafford's variant 13) so that neighbouring
 * seeds and indices give unrelated streams; execution {@code j} can then be run alone, in any order,
 * on any shard.
 */
final class ExecutionRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private ExecutionRandom() {}

    /** The random source of execution {@code index} of an exploration driven by {@code seed}. */
    static SplittableRandom of(long seed, long index) {
        return new SplittableRandom(mix(seed, index));
    }

    /** A well-mixed combination of the two values; different pairs give unrelated results. */
    static long mix(long seed, long index) {
        return mix64(mix64(seed ^ 0x5851f42d4c957f2dL) + GOLDEN_GAMMA * (index + 1));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
