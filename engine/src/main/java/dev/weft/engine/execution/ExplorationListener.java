package dev.weft.engine.execution;

/** Receives progress from a running exploration; the engine turns it into progress lines. */
@FunctionalInterface
public interface ExplorationListener {

    /** A listener that ignores progress. */
    ExplorationListener NONE = statistics -> { };

    /**
     * What has been explored so far. Called from the thread that called {@link Explorer#explore}, as
     * often as convenient (after each scenario, say): the engine prints at most one line per {@code
     * weft.progress.interval}.
     */
    void progress(ExplorationStatistics soFar);

    /**
     * Whether the test run was cancelled: an explorer asks between executions (and scenarios) and,
     * when it was, stops as when its time budget is spent and returns what it explored with {@code
     * cancelled} set. Never cancelled unless the engine says so.
     */
    default boolean stopRequested() {
        return false;
    }
}
