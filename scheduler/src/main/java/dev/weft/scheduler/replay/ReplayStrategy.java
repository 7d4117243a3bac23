package dev.weft.scheduler.replay;

import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one execution again by following a {@link DecisionList}.
 *
 * <p>At each point with two or more enabled threads it takes the next recorded decision; points
 * with one enabled thread are forced and consume none, as when recording. It throws a
 * {@link ReplayDivergenceException} (never runs a silently different execution) when the recorded
 * thread is not enabled, when at a switch the thread's next event is at another source location
 * than recorded, when the execution needs more decisions than recorded, and, from
 * {@link #endExecution()}, when it ended before using them all. Locations are checked only at
 * switches, where they were recorded. Steps in messages are the runtime's
 * {@link SchedulingPoint#step()}.
 *
 * <p>{@link #endExecution()} returns {@code false}: a replay is one execution. It may be started
 * again with {@link #beginExecution}, which replays the same list from the start.
 */
public final class ReplayStrategy implements Strategy {

    private final DecisionList decisions;
    private final int[] threads;
    private final String[] switchLocations;
    private int next;
    private long lastStep;

    /** Replays {@code decisions}. */
    public ReplayStrategy(DecisionList decisions) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.threads = decisions.toThreadArray();
        this.switchLocations = new String[threads.length];
        for (int run = 0, at = 0; run < decisions.runCount(); at += decisions.runLength(run), run++) {
            switchLocations[at] = decisions.runLocation(run);
        }
    }

    @Override
    public void beginExecution(long index) {
        next = 0;
        lastStep = 0;
    }

    @Override
    public int pick(SchedulingPoint point) {
        lastStep = point.step();
        if (point.enabledCount() == 1) {
            return point.enabled(0);
        }
        if (next == threads.length) {
            throw new ReplayDivergenceException(point.step(), next, ReplayDivergenceException.Kind.MORE_DECISIONS,
                    "the execution needs more decisions than the " + threads.length + " recorded");
        }
        int thread = threads[next];
        if (!point.isEnabled(thread)) {
            throw new ReplayDivergenceException(point.step(), next, ReplayDivergenceException.Kind.NOT_ENABLED,
                    "expected thread " + thread + ", which is not enabled (enabled: " + enabled(point) + ")");
        }
        String expected = switchLocations[next];
        if (expected != null && !expected.isEmpty()) {
            String found = point.pendingLocation(thread);
            if (!expected.equals(found)) {
                throw new ReplayDivergenceException(point.step(), next, ReplayDivergenceException.Kind.OTHER_LOCATION,
                        "expected thread " + thread + " at " + expected + ", found thread " + thread + " at "
                                + found + "; enabled threads " + enabled(point));
            }
        }
        next++;
        return thread;
    }

    private static List<Integer> enabled(SchedulingPoint point) {
        List<Integer> enabled = new ArrayList<>(point.enabledCount());
        for (int i = 0; i < point.enabledCount(); i++) {
            enabled.add(point.enabled(i));
        }
        return enabled;
    }

    @Override
    public boolean endExecution() {
        if (next < threads.length) {
            throw new ReplayDivergenceException(lastStep, next, ReplayDivergenceException.Kind.ENDED_EARLY,
                    "the execution ended after " + next + " of " + threads.length + " recorded decisions");
        }
        return false;
    }

    /** The list this strategy follows. */
    public DecisionList decisions() {
        return decisions;
    }

    @Override
    public String describe() {
        return "replay(" + threads.length + " decisions, " + decisions.switchCount() + " switches)";
    }
}
