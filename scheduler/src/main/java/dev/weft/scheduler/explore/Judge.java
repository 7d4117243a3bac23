package dev.weft.scheduler.explore;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;

/**
 * Decides whether an execution in which every thread finished did the right thing. Called on the
 * exploring thread after each such execution, outside the execution (its own work is not
 * controlled), so it may use any library.
 */
@FunctionalInterface
public interface Judge {

    /** Accepts every execution that finished. */
    Judge NONE = result -> result.outcome();

    /**
     * @return {@link Outcome.Passed} to accept the execution, or an outcome (typically
     *     {@link Outcome.Rejected}) that fails it
     */
    Outcome judge(ExecutionResult result);
}
