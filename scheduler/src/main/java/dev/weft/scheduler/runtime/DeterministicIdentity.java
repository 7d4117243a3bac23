package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.SeedMix;

/**
 * Deterministic identity: the identity hashes of the objects an execution creates, decided from the
 * execution's seed and step (written into the object's header by {@link IdentityHashes}), so that
 * the order of a {@code HashMap} of keys without {@code hashCode()} is the same in every run of the
 * execution, and in its replay; and the seeds of the random generators the program creates without
 * one ({@link #randomSeed}). Touched only by the thread with the turn.
 */
final class DeterministicIdentity {

    /** Whether a class's {@code hashCode()} is {@code Object}'s. A {@code ClassValue}: it hashes no class. */
    private static final ClassValue<Boolean> USES_IDENTITY_HASH = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return computeUsesIdentityHash(type);
        }
    };

    private final long seed;
    private final ExecutionStatus status;
    private long hashStep = -1;
    private int hashesInStep;
    /** How many seeds {@link #randomSeed} gave. */
    private long draws;

    DeterministicIdentity(long seed, ExecutionStatus status) {
        this.seed = seed;
        this.status = status;
    }

    /**
     * The object's identity hash, decided now if nobody decided it yet (see {@link IdentityHashes}).
     * A hash decided now depends on the seed, the step and how many hashes were decided before it in
     * that step — not on how many were decided before it in the execution: an object from outside the
     * execution (a class, a static cache) may be decided by an earlier execution or by this one, and a
     * running count would then differ between an exploration and its replay. Every table of Weft's own
     * that holds the program's objects hashes them after this was called, at the same point of every
     * run of the execution, so that traced and untraced runs decide the same hashes.
     */
    int of(Object object) {
        int hash = IdentityHashes.decided(object);
        if (hash > 0) {
            return hash;
        }
        if (hash < 0) {
            return System.identityHashCode(object);
        }
        long step = status.step();
        if (hashStep != step) {
            hashStep = step;
            hashesInStep = 0;
        }
        hash = (int) SeedMix.mix64(seed ^ SeedMix.mix64(step * 4096 + ++hashesInStep)) & 0x7FFFFFFF;
        return IdentityHashes.decide(object, hash == 0 ? 1 : hash);
    }

    /**
     * A seed for a random generator the program creates without one ({@code new Random()}, {@code
     * ThreadLocalRandom}, …): the n-th of the execution's, from its seed, the same in every run.
     */
    long randomSeed() {
        return SeedMix.mix64(seed ^ 0xD1B54A32D192ED03L * ++draws);
    }

    /** Whether {@code o.hashCode()} of an instance of {@code type} is its identity hash. */
    static boolean usesIdentityHash(Class<?> type) {
        return USES_IDENTITY_HASH.get(type);
    }

    private static boolean computeUsesIdentityHash(Class<?> type) {
        if (type.isArray()) {
            return true;
        }
        try {
            return type.getMethod("hashCode").getDeclaringClass() == Object.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }
}
