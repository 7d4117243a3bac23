package dev.weft.boot;

import static dev.weft.boot.LiveWorker.live;

/**
 * Hooks for the sources of run-to-run difference: clocks, identity hash codes, the seeds of
 * {@code Random}s and the common {@code ForkJoinPool}. On the worker with the turn they answer from
 * the execution (a virtual clock, hashes and seeds drawn from its seed, a pool of its own); on any
 * other thread, as the JDK would.
 */
public final class DeterminismHooks {

    private DeterminismHooks() {}

    public static long nanoTime() {
        WorkerState m = live();
        return m == null ? System.nanoTime() : m.hooks.nanoTime();
    }

    public static long currentTimeMillis() {
        WorkerState m = live();
        return m == null ? System.currentTimeMillis() : m.hooks.currentTimeMillis();
    }

    /**
     * The result of the JDK's {@code VM.getNanoTimeAdjustment(offsetSeconds)} ({@code real}), read by
     * {@code java.time.Clock}: inside an execution, the virtual wall clock's nanoseconds past
     * {@code offsetSeconds} instead ({@code -1}, the JDK's "offset too far", is passed through).
     */
    public static long nanoTimeAdjustment(long offsetSeconds, long real) {
        WorkerState m = live();
        if (m == null || real == -1) {
            return real;
        }
        long adjustment = m.hooks.epochNanos() - offsetSeconds * 1_000_000_000L;
        return adjustment == -1 ? -2 : adjustment; // -1 would tell the JDK to start again
    }

    public static int identityHashCode(Object object) {
        WorkerState m = live();
        return m == null || object == null ? System.identityHashCode(object) : m.hooks.identityHashCode(object);
    }

    /** Replaces {@code o.hashCode()}: deterministic for objects that use the identity hash. */
    public static int hashCode(Object object) {
        WorkerState m = live();
        return m == null ? object.hashCode() : m.hooks.hashCode(object);
    }

    /**
     * After a read of {@code ForkJoinPool.common} (or {@code CompletableFuture.ASYNC_POOL}) in
     * instrumented code: on a managed thread, the common pool is replaced by one of the execution's
     * own, so that no worker, queue or count of an earlier execution is seen by this one.
     */
    public static Object commonPool(Object pool) {
        WorkerState m = live();
        // both fields hold the common pool when they hold a ForkJoinPool (ASYNC_POOL may be an executor of another kind)
        return m == null || !(pool instanceof java.util.concurrent.ForkJoinPool) ? pool : m.hooks.commonPool(pool);
    }

    /** Seed for {@code new Random()} and {@code new SplittableRandom()}. */
    public static long randomSeed() {
        WorkerState m = live();
        return m == null ? System.nanoTime() ^ 0x5DEECE66DL * Thread.currentThread().getId() : m.hooks.randomSeed();
    }
}
