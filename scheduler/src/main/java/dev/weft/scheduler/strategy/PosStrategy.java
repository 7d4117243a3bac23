package dev.weft.scheduler.strategy;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Partial order sampling (Yuan, Yang, Gu, CAV 2018), the basic POS algorithm.
 *
 * <p>Every pending event (the next event of each thread) gets an independent random priority when
 * it first becomes pending; the enabled thread whose pending event has the highest priority runs.
 * After an event {@code e} executes, every other pending event that conflicts with {@code e} (same
 * non-zero {@link SchedulingPoint#pendingTarget target}, at least one of the two
 * {@link SchedulingPoint#pendingWrite writes}) gets a fresh random priority; the executed thread's
 * next event is new and gets one too. Re-randomizing racing events is what makes POS sample partial
 * orders (rather than interleavings) close to uniformly, which gives it a better probability than
 * random walk or PCT on bugs that depend on how a few conflicting events are ordered.
 *
 * <p>Events whose target is unknown (0) never conflict. A {@linkplain SchedulingPoint#spinning
 * spinning} thread runs only when every enabled thread spins: its loop only reads, so running it
 * cannot change anything until another thread writes. Execution {@code j}'s decisions depend only
 * on the seed, on {@code j} and on what the program does. Not thread-safe: used by one thread at a
 * time, as {@link Strategy} says.
 */
public final class PosStrategy implements Strategy {

    private final long seed;
    private SplittableRandom random;
    private long[] priorities = new long[8];
    private boolean[] assigned = new boolean[8];
    private int lastThread;
    private long lastTarget;
    private boolean lastWrite;

    /** POS driven by {@code seed}. */
    public PosStrategy(long seed) {
        this.seed = seed;
    }

    @Override
    public void beginExecution(long index) {
        random = ExecutionRandom.of(seed, index);
        Arrays.fill(assigned, false);
        lastThread = -1;
    }

    @Override
    public int pick(SchedulingPoint point) {
        if (random == null) {
            throw new IllegalStateException("pick called before beginExecution");
        }
        int threadCount = point.threadCount();
        if (threadCount > assigned.length) {
            int size = Math.max(threadCount, assigned.length * 2);
            assigned = Arrays.copyOf(assigned, size);
            priorities = Arrays.copyOf(priorities, size);
        }
        int enabledCount = point.enabledCount();
        if (lastThread >= 0) {
            assigned[lastThread] = false;
            if (lastTarget != 0) {
                for (int i = 0; i < enabledCount; i++) {
                    int thread = point.enabled(i);
                    if (thread != lastThread && assigned[thread]
                            && point.pendingTarget(thread) == lastTarget
                            && (lastWrite || point.pendingWrite(thread))) {
                        priorities[thread] = random.nextLong();
                    }
                }
            }
        }
        int best = -1;
        boolean bestSpinning = true;
        for (int i = 0; i < enabledCount; i++) {
            int thread = point.enabled(i);
            if (!assigned[thread]) {
                assigned[thread] = true;
                priorities[thread] = random.nextLong();
            }
            boolean spinning = enabledCount > 1 && point.spinning(thread);
            if (best < 0 || (bestSpinning && !spinning)
                    || (bestSpinning == spinning && priorities[thread] > priorities[best])) {
                best = thread;
                bestSpinning = spinning;
            }
        }
        lastThread = best;
        lastTarget = point.pendingTarget(best);
        lastWrite = point.pendingWrite(best);
        return best;
    }

    /** The priority of {@code thread}'s pending event (for tests). */
    long priority(int thread) {
        return priorities[thread];
    }

    @Override
    public boolean endExecution() {
        return true;
    }

    @Override
    public Optional<StrategySpec> spec() {
        return Optional.of(new StrategySpec.Pos());
    }

    @Override
    public String describe() {
        return "pos";
    }
}
