package dev.weft.scheduler.runtime;

import dev.weft.boot.ManagedThread;

/**
 * For code that runs inside an execution but is not instrumented (the engine's own scenario
 * runner): start and join managed threads, and add notes to the trace.
 */
public final class ManagedThreads {

    private ManagedThreads() {}

    /** Whether the calling thread is a managed thread of a running execution. */
    public static boolean inExecution() {
        return Thread.currentThread() instanceof Worker w && w.hooks != null;
    }

    private static Execution execution() {
        if (Thread.currentThread() instanceof Worker w && w.hooks instanceof Execution e) {
            return e;
        }
        throw new IllegalStateException("not inside a weft execution: call this from the program an execution runs");
    }

    /** Starts a managed thread running {@code body}; a scheduling point. */
    public static Thread start(String name, Runnable body) {
        return execution().startThread(name, body);
    }

    /** Waits for a managed thread to finish; a scheduling point. */
    public static void join(Thread thread) throws InterruptedException {
        Execution execution = execution();
        ManagedThread self = (ManagedThread) Thread.currentThread();
        boolean wasActive = self.active;
        try {
            execution.join(thread, 0, 0);
        } finally {
            self.active = wasActive;
        }
    }

    /** Adds a line to the trace of the calling thread (when tracing), without a scheduling point. */
    public static void note(String text) {
        execution().note(text);
    }
}
