package dev.weft.scheduler.replay;

/**
 * A replayed execution no longer fits its recorded decisions: the program changed, or something in
 * it is not under Weft's control. The message says at which step and how, for example
 * {@code replay diverged at step 57: expected thread 3, which is not enabled (enabled: [0, 1])}.
 */
public final class ReplayDivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;
    private final int decision;

    ReplayDivergenceException(long step, int decision, String detail) {
        super("replay diverged at step " + step + ": " + detail);
        this.step = step;
        this.decision = decision;
    }

    /** The scheduling point ({@link dev.weft.scheduler.strategy.SchedulingPoint#step()}) where it diverged. */
    public long step() {
        return step;
    }

    /** The index of the recorded decision that did not fit, from 0 (the list's size when it ran out). */
    public int decision() {
        return decision;
    }
}
