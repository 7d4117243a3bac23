package dev.weft.scheduler.runtime;

/**
 * One event of an execution's trace.
 *
 * @param step the scheduling point at which the event happened
 * @param thread the thread that performed it
 * @param text what happened, for example {@code HashMap#1.table ➜ null} or {@code lock Object#2}
 * @param location {@code File.java:line}, or {@code ""}
 * @param switchedTo whether the thread got the turn from another thread just before this event
 */
public record TraceEvent(long step, int thread, String text, String location, boolean switchedTo) {

    private static final String OMITTED = "…";

    /** The line that stands for {@code steps} steps whose events a long trace did not keep. */
    static TraceEvent omitted(long step, int thread, long steps) {
        return new TraceEvent(step, thread, "… " + steps + " steps not kept in this trace", OMITTED, false);
    }

    /** Whether this line stands for steps whose events were not kept ({@link #omitted}). */
    public boolean isOmission() {
        return location.equals(OMITTED);
    }
}
