package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.Sites;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace of one execution: one {@link TraceEvent} per step a thread made, read values appended to
 * the read they belong to. When the execution is not traced, it is {@link #OFF}, which records
 * nothing and is never switched on: a hook then pays one read of {@link #on} and builds no text.
 * Touched only by the thread with the turn.
 */
final class TraceRecorder {

    /** The recorder of an untraced execution. */
    static final TraceRecorder OFF = new TraceRecorder(null);

    private static final TraceValues.Origin NO_ORIGIN = new TraceValues.Origin("", "", "");

    /**
     * Whether events are recorded now: always false for {@link #OFF}, and false in the middle of a long
     * traced execution ({@link #keepOnly}). Hooks test it before they build an event's text.
     */
    boolean on;
    private final List<TraceEvent> events;
    private long quietFrom = Long.MAX_VALUE;
    private long quietUntil = Long.MAX_VALUE;
    /** The array of the last traced element read, whose value comes next (its element type shows booleans and chars). */
    Object lastArrayRead;

    private TraceRecorder(List<TraceEvent> events) {
        this.events = events;
        this.on = events != null;
    }

    /** A recorder for a traced execution, or {@link #OFF}. */
    static TraceRecorder of(boolean tracing) {
        return tracing ? new TraceRecorder(new ArrayList<>()) : OFF;
    }

    /** The events recorded, or {@code null} for {@link #OFF}. */
    List<TraceEvent> events() {
        return events;
    }

    /**
     * When the execution is known to take {@code expectedSteps} steps, keeps only the events of its
     * first and last steps (see {@link ExecutionOptions#expectedSteps()}); the steps between are one
     * line of the trace. Returns the first step at which {@link #edge} must be called, or {@link
     * Long#MAX_VALUE}.
     */
    long keepOnly(long expectedSteps) {
        long from = ExecutionOptions.TRACE_HEAD_STEPS + 1;
        long until = expectedSteps - ExecutionOptions.TRACE_TAIL_STEPS;
        if (on && until - from > ExecutionOptions.TRACE_TAIL_STEPS) {
            quietFrom = from;
            quietUntil = until;
            return from;
        }
        return Long.MAX_VALUE;
    }

    /**
     * Step {@code s} of {@code me}: at an edge of the kept window, stops or resumes recording and
     * returns the next edge ({@link Long#MAX_VALUE} when none is left); elsewhere returns -1.
     */
    long edge(LogicalThread me, long s) {
        if (s == quietFrom) {
            on = false;
            return quietUntil;
        }
        if (s == quietUntil) {
            on = true;
            events.add(TraceEvent.omitted(s - 1, me.id, quietUntil - quietFrom));
            me.lastEvent = -1;
            return Long.MAX_VALUE;
        }
        return -1;
    }

    /** Records an event of {@code me} at {@code step}; a no-op while not {@link #on}. */
    void record(long step, LogicalThread me, String text, int site) {
        if (!on) {
            return;
        }
        String location = site == 0 ? "" : Sites.get(site).shortLocation();
        TraceValues.Origin origin = site != 0 && StackFilter.jdk(Sites.get(site).className()) ? TraceValues.origin() : NO_ORIGIN;
        events.add(new TraceEvent(step, me.id, text, location, me.switchedIn, site, origin.userFrame(), origin.library(),
                origin.call()));
        me.switchedIn = false;
        me.lastEvent = events.size() - 1;
        me.lastSite = site;
    }

    /** Appends {@code suffix} (a value read) to the last event of {@code me}, if that was the read at {@code site}. */
    void appendToLast(LogicalThread me, int site, String suffix) {
        if (!on || me.lastEvent < 0 || me.lastSite != site) {
            return;
        }
        TraceEvent e = events.get(me.lastEvent);
        events.set(me.lastEvent, new TraceEvent(e.step(), e.thread(), e.text() + suffix, e.location(), e.switchedTo(),
                e.site(), e.userFrame(), e.library(), e.libraryCall()));
        me.lastSite = -1;
    }

    /** A field as traces show it: {@code Counter#1.value}, or {@code Config.flag} for a static one. */
    static String field(ObjectNames names, Object owner, int site) {
        String member = Sites.get(site).member();
        if (owner == null) {
            return member;
        }
        return names.name(owner) + member.substring(member.indexOf('.'));
    }
}
