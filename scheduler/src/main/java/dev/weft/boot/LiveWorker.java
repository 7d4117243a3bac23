package dev.weft.boot;

/**
 * The check every hook starts with: is the calling thread the worker with the turn, with its hooks
 * live? Tiny static methods with one volatile read ({@link WorkerState#running}), so that the JIT
 * inlines them into each hook and each hook into the instrumented code.
 */
final class LiveWorker {

    private LiveWorker() {}

    /** The calling thread's worker state if it has the turn and its hooks are live; else {@code null}. */
    static WorkerState live() {
        WorkerState m = WorkerState.running;
        return m != null && m.active && m.thread == Thread.currentThread() ? m : null;
    }

    /** As {@link #live()}, and {@code null} as well inside a region that runs without preemption. */
    static WorkerState liveOutsideAtomic() {
        WorkerState m = live();
        return m != null && m.atomicDepth == 0 ? m : null;
    }
}
