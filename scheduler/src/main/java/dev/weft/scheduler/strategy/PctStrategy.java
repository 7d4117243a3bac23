package dev.weft.scheduler.strategy;

import java.util.Arrays;
import java.util.Optional;
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
 * execution finds a bug of depth {@code d} with probability at least {@code 1/(n·k^(d-1))} when
 * change points are drawn uniformly from {@code 1..k}. That is what this strategy does when it is
 * given {@code k} ({@link #PctStrategy(long, int, long)}; the runtime can measure it on one
 * execution and pass it to every shard).
 *
 * <p><b>When {@code k} is not given.</b> It is only known after an execution, and learning it from
 * earlier executions would make execution {@code j} depend on them, which breaks sharding and the
 * "(seed, j) decides execution j" contract. So each change point is drawn from a scale-free
 * (discrete log-uniform) distribution on {@code 1..M}, {@code M = 2^16}, that needs no estimate:
 * {@code P(c) = ln((c+1)/c) / ln(M+1) ≥ 1/((c+1)·ln(M+1))}, and the {@code d - 1} distinct draws are
 * sorted. For {@code k ≤ M} the bound becomes {@code 1/(n·((k+1)·ln(M+1))^(d-1))}, with
 * {@code ln(M+1) ≈ 11.1}: a factor about 11 per change point below the ideal, and better than the
 * ideal for bugs whose change points come early (small {@code c}), which short tests favour. Change
 * points beyond the real end never fire. Depth {@code d = 1} has no change points (each execution
 * runs threads in one random priority order). The draw uses {@link StrictMath}, so it is the same on
 * every JVM.
 *
 * <p>Not thread-safe: used by one thread at a time, as {@link Strategy} says.
 */
public final class PctStrategy implements Strategy {

    /** Depth used when none is given: finds bugs that need up to two ordering constraints. */
    public static final int DEFAULT_DEPTH = 3;

    /** Largest change point drawn when the number of steps is not given. */
    static final long MAX_UNKNOWN_STEPS = 1L << 16;

    private static final long INITIAL_BASE = 1L << 40;
    private static final long CHANGE_BASE = 1L << 30;

    private final long seed;
    private final int depth;
    private final long steps;

    private SplittableRandom random;
    private long[] priorities = new long[8];
    private int seenThreads;
    private long[] changePoints;
    private int nextChange;
    private long contestedSteps;
    private long spinFloor;

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
        this(seed, depth, 0);
    }

    /**
     * PCT for bugs of depth {@code depth} in executions of about {@code steps} contested steps:
     * change points are drawn uniformly from {@code 1..steps}; 0 means unknown (see above).
     *
     * @throws IllegalArgumentException when depth is less than 1 or steps is negative
     */
    public PctStrategy(long seed, int depth, long steps) {
        if (depth < 1) {
            throw new IllegalArgumentException("pct depth must be at least 1, was " + depth);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("pct steps must be at least 0 (0: unknown), was " + steps);
        }
        this.seed = seed;
        this.depth = depth;
        this.steps = steps;
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
        changePoints = drawChangePoints(random, depth - 1, steps);
    }

    /**
     * {@code count} distinct change points, ascending: uniform on {@code 1..steps}, or log-uniform
     * on {@code 1..MAX_UNKNOWN_STEPS} when steps is 0 (all of them if there are fewer).
     */
    static long[] drawChangePoints(SplittableRandom random, int count, long steps) {
        long bound = steps > 0 ? steps : MAX_UNKNOWN_STEPS;
        int n = (int) Math.min(count, bound);
        long[] points = new long[n];
        for (int i = 0; i < n; i++) {
            long candidate;
            boolean fresh;
            do {
                candidate = steps > 0 ? 1 + random.nextLong(bound) : logUniform(random);
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

    /** {@code c} in {@code 1..MAX_UNKNOWN_STEPS} with probability {@code ln((c+1)/c) / ln(MAX+1)}. */
    private static long logUniform(SplittableRandom random) {
        double value = StrictMath.exp(random.nextDouble() * StrictMath.log(MAX_UNKNOWN_STEPS + 1.0));
        return Math.max(1, Math.min(MAX_UNKNOWN_STEPS, (long) value));
    }

    /** The change points of the current execution, in contested steps (for tests). */
    long[] changePoints() {
        return changePoints.clone();
    }

    @Override
    public boolean endExecution() {
        return true;
    }

    @Override
    public Optional<StrategySpec> spec() {
        return Optional.of(new StrategySpec.Pct(depth, steps));
    }

    @Override
    public String describe() {
        return "pct(depth=" + depth + (steps > 0 ? ", steps=" + steps : "") + ")";
    }
}
