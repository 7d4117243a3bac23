package dev.weft.scheduler.replay;

import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.Optional;

/**
 * Wraps any strategy and records the {@link DecisionList} of each execution, so the runtime drives
 * one strategy and gets the decisions for free.
 *
 * <p>Every pick at a point with two or more enabled threads is recorded, with the picked thread's
 * {@linkplain SchedulingPoint#pendingLocation pending location} at each switch; forced picks are
 * not. {@link #decisions()} gives the list of the current execution (complete once it has ended),
 * until the next {@link #beginExecution}. Costs one comparison and one increment per contested pick
 * that does not switch. Not thread-safe, like the strategy it wraps.
 */
public final class RecordingStrategy implements Strategy {

    private final Strategy delegate;
    private final DecisionRecorder recorder = new DecisionRecorder();

    /** Records the decisions of {@code delegate}. */
    public RecordingStrategy(Strategy delegate) {
        this.delegate = delegate;
    }

    /** The wrapped strategy. */
    public Strategy delegate() {
        return delegate;
    }

    /** The decisions of the current (or last ended) execution. */
    public DecisionList decisions() {
        return recorder.toDecisionList();
    }

    @Override
    public void beginExecution(long index) {
        recorder.clear();
        delegate.beginExecution(index);
    }

    @Override
    public int pick(SchedulingPoint point) {
        int thread = delegate.pick(point);
        if (point.enabledCount() >= 2 && !recorder.recordIfSameThread(thread)) {
            // the location is asked for only at a switch: building it may cost the runtime a lookup
            recorder.record(thread, point.pendingLocation(thread));
        }
        return thread;
    }

    @Override
    public boolean endExecution() {
        return delegate.endExecution();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public Strategy deciding() {
        return delegate.deciding();
    }

    @Override
    public Optional<String> completionStatement() {
        return delegate.completionStatement();
    }
}
