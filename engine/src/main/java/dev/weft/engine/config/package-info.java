/**
 * Configuration: every {@code weft.*} key in {@link dev.weft.engine.config.WeftSettings}, the run's
 * configuration parsed once into the immutable {@link dev.weft.engine.config.WeftConfiguration}, and the
 * small value types and parsers (seeds, durations, shards, replay-token shape) shared with annotation
 * validation. Errors name the key, the bad value and what it must be.
 */
package dev.weft.engine.config;
