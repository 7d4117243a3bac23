package dev.weft.engine.config;

/** Where a test's seed came from, printed beside it so that a reader knows how to pin it. */
public enum SeedSource {
    /** The test's {@code seed} attribute. */
    ANNOTATION,
    /** The {@code weft.seed} key. */
    CONFIGURATION,
    /** Drawn fresh for this run. */
    FRESH
}
