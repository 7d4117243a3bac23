package dev.weft.engine.execution;

/** Receives progress from a running exploration; the engine turns it into progress lines. */
@FunctionalInterface
public interface ExplorationListener {

    /** A listener that ignores progress. */
    ExplorationListener NONE = statistics -> { };

    /**
     * What has been explored so far. Called from the thread that called {@link Explorer#explore}, at
     * most about once per {@code weft.progress.interval}.
     */
    void progress(ExplorationStatistics soFar);
}
