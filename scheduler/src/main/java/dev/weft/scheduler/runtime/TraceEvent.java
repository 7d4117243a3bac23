package dev.weft.scheduler.runtime;

/**
 * One event of an execution's trace.
 *
 * @param step the scheduling point at which the event happened
 * @param thread the thread that performed it
 * @param text what happened, for example {@code HashMap#1.table ➜ null} or {@code lock Object#2}
 * @param location {@code File.java:line}, or {@code ""}
 * @param switchedTo whether the thread got the turn from another thread just before this event
 * @param site the id of the event's site in this JVM ({@link dev.weft.scheduler.agent.Sites}), 0 for none
 * @param userFrame for an event inside a JDK class, the nearest frame of the user's code that led there
 *     ({@code CacheTest.java:41}); else {@code ""}
 * @param library for an event inside a JDK class that tooling Weft does not rewrite (an assertion or mocking
 *     library) made on the user's behalf, that tooling's package ({@code org.assertj}); else {@code ""}
 * @param libraryCall with {@code library}, the method of it that the user's code called ({@code isEqualTo}); else {@code ""}
 */
public record TraceEvent(long step, int thread, String text, String location, boolean switchedTo, int site,
        String userFrame, String library, String libraryCall) {

    /** An event without a site or user frame. */
    public TraceEvent(long step, int thread, String text, String location, boolean switchedTo) {
        this(step, thread, text, location, switchedTo, 0, "");
    }

    /** An event that no tooling made. */
    public TraceEvent(long step, int thread, String text, String location, boolean switchedTo, int site, String userFrame) {
        this(step, thread, text, location, switchedTo, site, userFrame, "", "");
    }

    /** Whether tooling that Weft does not rewrite made this step on the user's behalf. */
    public boolean inLibrary() {
        return !library.isEmpty();
    }

    /** Whether the event happened inside a JDK class ({@code java.util.HashMap}, …). */
    public boolean inJdk() {
        return site != 0 && StackFilter.jdk(dev.weft.scheduler.agent.Sites.get(site).className());
    }

    /** The simple name of the class the event happened in, or {@code ""} without a site. */
    public String className() {
        if (site == 0) {
            return "";
        }
        String name = dev.weft.scheduler.agent.Sites.get(site).className();
        return name.substring(name.lastIndexOf('.') + 1);
    }

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
