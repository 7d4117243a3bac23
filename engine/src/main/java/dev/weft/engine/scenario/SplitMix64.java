package dev.weft.engine.scenario;

import dev.weft.scheduler.strategy.SeedMix;

/**
 * The SplitMix64 generator, on {@link SeedMix}, so that a seed draws the same numbers on every JDK:
 * scenarios are part of what a replay token reproduces.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = SeedMix.GOLDEN_GAMMA;

    private long state;

    /** A generator for the given seed. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for one member of a family, such as scenario {@code index} of the test with {@code seed}. */
    public static SplitMix64 forStream(long seed, long index) {
        return new SplitMix64(mix(seed) ^ mix(index + GOLDEN_GAMMA));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A uniformly drawn number in {@code [0, bound)}. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // Lemire's multiply-shift on 32 random bits; the tiny bias is irrelevant at these bounds.
        long bits = nextLong() >>> 32;
        return (int) ((bits * bound) >>> 32);
    }

    private static long mix(long z) {
        return SeedMix.mix64(z);
    }
}
