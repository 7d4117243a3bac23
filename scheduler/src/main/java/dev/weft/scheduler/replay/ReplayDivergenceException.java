package dev.weft.scheduler.replay;

/**
 * A replayed execution no longer fits its recorded decisions: the program changed, or something in
 * it is not under Weft's control. The message says at which step and how, for example
 * {@code replay diverged at step 57: expected thread 3, which is not enabled (enabled: [0, 1])}.
 */
public final class ReplayDivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the replay left its recording. */
    public enum Kind {
        /** The recorded thread could not run: blocked, ended, or never started in the replay. */
        NOT_ENABLED,
        /** The recorded thread was about to run other code than recorded. */
        OTHER_LOCATION,
        /** The replay went on past the last recorded decision. */
        MORE_DECISIONS,
        /** The replay ended before using every recorded decision. */
        ENDED_EARLY
    }

    private final long step;
    private final int decision;
    private final Kind kind;
    private final String detail;

    ReplayDivergenceException(long step, int decision, Kind kind, String detail) {
        super("replay diverged at step " + step + ": " + detail);
        this.step = step;
        this.decision = decision;
        this.kind = kind;
        this.detail = detail;
    }

    /** How it diverged. */
    public Kind kind() {
        return kind;
    }

    /** What was expected and what was found, as in the message after the step. */
    public String detail() {
        return detail;
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
