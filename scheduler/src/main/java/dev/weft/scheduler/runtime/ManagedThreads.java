package dev.weft.scheduler.runtime;

import dev.weft.boot.WorkerState;

/**
 * For code that runs inside an execution but is not instrumented (the engine's own scenario
 * runner): start and join managed threads, and add notes to the trace.
 */
public final class ManagedThreads {

    private ManagedThreads() {}

    /** Whether the calling thread is a managed thread of a running execution. */
    public static boolean inExecution() {
        return WorkerState.current() instanceof Worker w && w.hooks != null;
    }

    private static Execution execution() {
        if (WorkerState.current() instanceof Worker w && w.hooks instanceof Execution e) {
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
        WorkerState self = WorkerState.current();
        boolean wasActive = self.active;
        try {
            execution.join(thread, 0, 0);
        } finally {
            self.active = wasActive;
        }
    }

    /**
     * Runs {@code work} without scheduling points: for bookkeeping that is not part of the program
     * (recording a history, copying a result). Runs it as is outside an execution.
     */
    public static <T> T quietly(java.util.function.Supplier<T> work) {
        WorkerState self = WorkerState.current();
        if (self == null) {
            return work.get();
        }
        boolean wasActive = self.active;
        self.active = false;
        try {
            return work.get();
        } finally {
            self.active = wasActive;
        }
    }

    /** Adds a line to the trace of the calling thread (when tracing), without a scheduling point. */
    public static void note(String text) {
        execution().note(text);
    }
}
