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
}
