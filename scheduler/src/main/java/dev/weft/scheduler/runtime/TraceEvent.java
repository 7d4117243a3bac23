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
public record TraceEvent(long step, int thread, String text, String location, boolean switchedTo) {}
