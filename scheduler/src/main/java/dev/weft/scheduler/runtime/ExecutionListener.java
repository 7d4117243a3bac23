package dev.weft.scheduler.runtime;

/**
 * Observes what an execution does, event by event, in the order the events take effect. The
 * runtime calls a listener on the managed thread that performs the event, after its scheduling
 * point (so no other thread runs between the call and the event itself), with hooks switched off:
 * a listener may use any collection without being observed. Threads are numbered as in traces
 * ({@code 0} runs the program). Sites are ids of {@link dev.weft.scheduler.agent.Sites}.
 *
 * <p>Contract: a listener must not block, start threads or touch program state; it may end the
 * execution through {@link ExecutionControl#report}. Installed per execution (see
 * {@link ExecutionOptions#detection()}); with none installed the runtime pays one null check per event.
 */
public interface ExecutionListener {

    /** The execution starts; {@code control} stays valid until it ends. */
    default void executionStarted(ExecutionControl control) {}

    /** {@code parent} started {@code child}. */
    default void threadStarted(int parent, int child) {}

    /** {@code thread} ran to its end (normally or by an exception). */
    default void threadFinished(int thread) {}

    /** {@code thread} returned from a join of the finished thread {@code finished}. */
    default void joined(int thread, int finished) {}

    /**
     * A read or write of a non-final field; {@code owner} is {@code null} for a static field. The
     * site names the field ({@code Site.member()}, {@code Owner.field}) and whether it is volatile.
     */
    default void fieldAccess(int thread, Object owner, int site, boolean write) {}

    /** A read or write of one array element. */
    default void arrayAccess(int thread, Object array, int index, int site, boolean write) {}

    /**
     * An atomic operation ({@code VarHandle}, {@code Unsafe}); {@code owner} is the calling method's
     * {@code this} or class, an over-approximation of the object it synchronizes on.
     */
    default void atomic(int thread, Object owner, int site) {}

    /** {@code thread} acquired (or re-acquired after {@code wait}) the monitor of {@code monitor}. */
    default void monitorAcquired(int thread, Object monitor) {}

    /** {@code thread} released the monitor of {@code monitor} (an exit, or the start of {@code wait}). */
    default void monitorReleased(int thread, Object monitor) {}

    /** {@code thread} unparked {@code target} (or gave it a permit). */
    default void unparked(int thread, int target) {}

    /** A {@code park} of {@code thread} returned, with a permit or after an unpark. */
    default void parkReturned(int thread) {}

    /** {@code thread} interrupted {@code target}. */
    default void interrupted(int thread, int target) {}

    /**
     * {@code thread} found {@code target} interrupted ({@code isInterrupted}, {@code interrupted()}
     * returning {@code true}, or an {@code InterruptedException} about to be thrown in {@code target == thread}).
     */
    default void interruptObserved(int thread, int target) {}

    /** {@code thread} entered a method of a non-thread-safe collection (the site says which and whether it mutates). */
    default void collectionEntered(int thread, Object collection, int site) {}

    /** {@code thread} left that method, by return or exception. */
    default void collectionExited(int thread, Object collection, int site) {}
}
