package dev.weft.scheduler.strategy;

/**
 * Weft's one seed-mixing function: SplitMix64's finalizer (Stafford's variant 13, the one of {@link
 * java.util.SplittableRandom}), which spreads neighbouring inputs over all 64 bits. Every seed Weft
 * derives goes through it — the draws of an execution, the randomness of each execution of a
 * strategy, the scenarios the engine generates — so replay tokens depend on it: a change here changes
 * what every token replays.
 */
public final class SeedMix {

    /** The odd constant SplitMix64 steps by (2^64 divided by the golden ratio). */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedMix() {}

    /** The finalizer: a bijection on 64-bit values; consecutive inputs give unrelated outputs. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
