package dev.weft.scheduler.runtime.semantics;

/** A thread group that keeps the message of the last uncaught exception (top-level: see {@link Counter}). */
final class CollectingGroup extends ThreadGroup {
    volatile String seen;

    CollectingGroup() {
        super("collecting");
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        seen = error.getMessage();
    }
}
