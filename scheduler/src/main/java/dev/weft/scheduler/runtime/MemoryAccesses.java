package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.Sites;

/**
 * The program's memory accesses: a field's or an array element's read or write, an atomic operation
 * ({@code VarHandle}, {@code Unsafe}, the {@code java.util.concurrent.atomic} classes), a spin hint.
 * Each is one scheduling point: the access is made pending (its target, so that spin detection sees a
 * loop that only reads), the {@link SchedulingStep} may switch threads, and once the thread has the
 * turn again the detectors see the access and the trace records it. Called by the {@link Execution}
 * facade on the thread with the turn, for every shared access the program makes: the hot path, which
 * allocates nothing when the execution is neither traced nor watched by a detector.
 */
final class MemoryAccesses {

    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final ExecutionStatus status;
    /** The detectors, or {@code null}: every access then costs one null check. */
    private final ExecutionListener listener;
    private final ObjectNames names;
    private final DeterministicIdentity identities;

    MemoryAccesses(Execution execution) {
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.status = execution.status;
        this.listener = execution.listener;
        this.names = execution.names;
        this.identities = execution.identities;
    }

    /** What spin detection compares: the field of an object (or a static field), the same in every run. */
    private long targetOf(Object owner, int site) {
        long member = Sites.get(site).member().hashCode();
        return owner == null ? (member << 1) | 1 : ((long) identities.of(owner) << 32) ^ member;
    }

    void read(LogicalThread me, Object owner, int site) {
        scheduling.pending(me, site, targetOf(owner, site), false);
        scheduling.schedule(me);
        if (listener != null) {
            listener.fieldAccess(me.id, owner, site, false);
        }
        if (trace.on) {
            trace.record(status.step(), me, TraceRecorder.field(names, owner, site), site);
        }
    }

    /** A field's write; {@code value} is what the trace shows ({@code "…"} when unknown), {@code null} untraced. */
    void write(LogicalThread me, Object owner, Object value, int site) {
        scheduling.pending(me, site, targetOf(owner, site), true);
        scheduling.schedule(me);
        if (listener != null) {
            listener.fieldAccess(me.id, owner, site, true);
        }
        if (trace.on) {
            String shown = "…".equals(value) ? "…" : TraceValues.fieldValue(names, owner, value, site);
            trace.record(status.step(), me, TraceRecorder.field(names, owner, site) + " = " + shown, site);
        }
    }

    void arrayRead(LogicalThread me, Object array, int index, int site) {
        scheduling.pending(me, site, ((long) identities.of(array) << 32) ^ index, false);
        scheduling.schedule(me);
        if (listener != null) {
            listener.arrayAccess(me.id, array, index, site, false);
        }
        if (trace.on) {
            trace.lastArrayRead = array;
            trace.record(status.step(), me, names.name(array) + "[" + index + "]", site);
        }
    }

    void arrayWrite(LogicalThread me, Object array, int index, int site) {
        scheduling.pending(me, site, ((long) identities.of(array) << 32) ^ index, true);
        scheduling.schedule(me);
        if (listener != null) {
            listener.arrayAccess(me.id, array, index, site, true);
        }
        if (trace.on) {
            trace.record(status.step(), me, names.name(array) + "[" + index + "] = …", site);
        }
    }

    /** The value a read just returned, appended to the read's line of the trace; called only when tracing. */
    void readValue(LogicalThread me, Object value, int site) {
        trace.appendToLast(me, site, " ➜ " + TraceValues.readValue(names, value, site, trace.lastArrayRead));
    }

    void atomic(LogicalThread me, Object owner, int site) {
        if (owner != null) {
            identities.of(owner); // decided here, in every run, before any table of Weft's hashes it
        }
        // a load (getAcquire, Unsafe.getIntVolatile, …) is a read for spin detection: a loop that only
        // loads waits for another thread, as one on a volatile field does; the race detector still
        // takes every atomic operation as an acquire and a release on its owner
        boolean load = Sites.get(site).isAtomicLoad();
        scheduling.pending(me, site, 0, !load);
        if (load) {
            scheduling.atomicLoad(me);
        }
        scheduling.schedule(me);
        if (listener != null) {
            listener.atomic(me.id, owner, site);
        }
        if (trace.on) {
            trace.record(status.step(), me, Sites.get(site).member(), site);
        }
    }

    /** {@code Thread.yield} or {@code Thread.onSpinWait}: a scheduling point that touches nothing. */
    void spinHint(LogicalThread me, int site) {
        scheduling.pending(me, site, 0, false);
        scheduling.schedule(me);
    }
}
