package dev.weft.scheduler.runtime;

import java.util.List;

/**
 * What an {@link ExecutionListener} may ask of the execution it observes. Valid only while the
 * execution runs, and only from the listener's callbacks.
 */
public interface ExecutionControl {

    /** A stable name for an object, as traces show it ({@code HashMap#2}). */
    String objectName(Object object);

    /** The current stack of a thread of the execution, Weft's own frames removed, at most {@code limit} frames. */
    List<StackTraceElement> stack(int thread, int limit);

    /**
     * Reports a finding. Under {@link DetectionMode#FAIL} it becomes the execution's outcome and the
     * execution ends (this call does not return); under {@link DetectionMode#WARN} it is kept as a
     * warning of the {@link ExecutionResult} and the execution goes on.
     */
    void report(Outcome finding);

    /** Counts a finding on {@code field} that the settings suppress. */
    void suppressed(String field);
}
