package dev.weft.scheduler.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010) with
 * bug depth {@code d}.
 *
 * <p>Each thread gets a random priority when it is first seen (threads appear dynamically; inserting
 * each newcomer with an independent uniform priority keeps the order of all threads a uniform random
 * permutation). The strategy always runs the highest-priority enabled thread. At {@code d - 1} change
 * points, drawn uniformly and distinct among the first {@code k} contested steps (points with at
 * least two enabled threads), the thread about to run has its priority lowered below every initial
 * priority, the {@code i}-th change point lower than the earlier ones. A thread that is
 * {@linkplain SchedulingPoint#spinning spinning} is lowered below everything so far, so a spin loop
 * lets the thread it waits for run.
 *
 * <p><b>Guarantee.</b> For a program with {@code n} threads and {@code k} contested steps, one
 * execution finds a bug of depth {@code d} with probability at least {@code 1/(n·k^(d-1))}, when
 * {@code k} is known. <b>Estimating {@code k}.</b> The number of steps is only known after an
 * execution, and learning it from earlier executions would make execution {@code j} depend on the
 * executions before it, which breaks sharding and the "(seed, j) decides execution j" contract.
 * Instead, each execution draws its estimate {@code K} from its own randomness: a power of two,
 * uniformly among {@code 16, 32, ..., 2^16}. Change points beyond the real end never fire. For a
 * program with {@code k ≤ 2^16} contested steps, one draw in 13 is within a factor 2 above {@code k},
 * so the per-execution bound becomes {@code 1/(13·n·(2k)^(d-1))}. Depth {@code d = 1} has no change
 * points (each execution runs threads in one random priority order).
 *
 * <p>Not thread-safe: used by one thread at a time, as {@link Strategy} says.
 */
public final class PctStrategy implements Strategy {

    /** Depth used when none is given: finds bugs that need up to two ordering constraints. */
    public static final int DEFAULT_DEPTH = 3;

    static final int MIN_ESTIMATE_LOG2 = 4;
    static final int MAX_ESTIMATE_LOG2 = 16;

    private static final long INITIAL_BASE = 1L << 40;
    private static final long CHANGE_BASE = 1L << 30;

    private final long seed;
    private final int depth;

    private SplittableRandom random;
    private long[] priorities = new long[8];
    private int seenThreads;
    private long[] changePoints;
    private int nextChange;
    private long contestedSteps;
    private long spinFloor;
    private long stepEstimate;

    /** PCT with the {@linkplain #DEFAULT_DEPTH default depth}. */
    public PctStrategy(long seed) {
        this(seed, DEFAULT_DEPTH);
    }

    /**
     * PCT for bugs of depth {@code depth}.
     *
     * @throws IllegalArgumentException when depth is less than 1
     */
    public PctStrategy(long seed, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("pct depth must be at least 1, was " + depth);
        }
        this.seed = seed;
        this.depth = depth;
    }

    /** The bug depth this strategy targets. */
    public int depth() {
        return depth;
    }

    @Override
    public void beginExecution(long index) {
        random = ExecutionRandom.of(seed, index);
        seenThreads = 0;
        contestedSteps = 0;
        spinFloor = 0;
        nextChange = 0;
        stepEstimate = 1L << (MIN_ESTIMATE_LOG2 + random.nextInt(MAX_ESTIMATE_LOG2 - MIN_ESTIMATE_LOG2 + 1));
        changePoints = drawChangePoints(random, depth - 1, stepEstimate);
    }

    /** {@code count} distinct values uniformly from {@code 1..bound}, ascending (all of them if fewer). */
    private static long[] drawChangePoints(SplittableRandom random, int count, long bound) {
        int n = (int) Math.min(count, bound);
        long[] points = new long[n];
        for (int i = 0; i < n; i++) {
            long candidate;
            boolean fresh;
            do {
                candidate = 1 + random.nextLong(bound);
                fresh = true;
                for (int j = 0; j < i; j++) {
                    fresh &= points[j] != candidate;
                }
            } while (!fresh);
            points[i] = candidate;
        }
        Arrays.sort(points);
        return points;
    }

    @Override
    public int pick(SchedulingPoint point) {
        if (random == null) {
            throw new IllegalStateException("pick called before beginExecution");
        }
        int threadCount = point.threadCount();
        while (seenThreads < threadCount) {
            if (seenThreads == priorities.length) {
                priorities = Arrays.copyOf(priorities, priorities.length * 2);
            }
            priorities[seenThreads++] = INITIAL_BASE + (random.nextLong() >>> 2);
        }
        int enabledCount = point.enabledCount();
        if (enabledCount == 1) {
            return point.enabled(0);
        }
        contestedSteps++;
        int best = highestEnabled(point);
        if (nextChange < changePoints.length && changePoints[nextChange] == contestedSteps) {
            nextChange++;
            priorities[best] = CHANGE_BASE - nextChange;
            best = highestEnabled(point);
        }
        if (point.spinning(best)) {
            priorities[best] = --spinFloor;
            best = highestEnabled(point);
        }
        return best;
    }

    private int highestEnabled(SchedulingPoint point) {
        int best = point.enabled(0);
        for (int i = 1, n = point.enabledCount(); i < n; i++) {
            int thread = point.enabled(i);
            if (priorities[thread] > priorities[best]) {
                best = thread;
            }
        }
        return best;
    }

    /** The step estimate {@code K} drawn for the current execution (for tests and reports). */
    long stepEstimate() {
        return stepEstimate;
    }

    @Override
    public boolean endExecution() {
        return true;
    }

    @Override
    public String describe() {
        return "pct(depth=" + depth + ")";
    }
}
