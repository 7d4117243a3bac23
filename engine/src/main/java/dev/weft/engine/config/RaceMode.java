package dev.weft.engine.config;

/** What a data race found by the race detector does to a test (key {@code weft.races}). */
public enum RaceMode {
    /** The race fails the test, with both stacks in the report. */
    FAIL,
    /** The race is reported beside the test's result, which it does not change. */
    WARN,
    /** Races are not looked for. */
    OFF
}
