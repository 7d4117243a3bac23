/**
 * What users compile against: {@link dev.weft.api.ConcurrencyTest} and the annotations and enums that
 * shape its scenarios ({@link dev.weft.api.MapScenario}, {@link dev.weft.api.MapOperation}, {@link
 * dev.weft.api.ObjectScenario}, {@link dev.weft.api.Operation}, {@link dev.weft.api.Strategy}). Nothing
 * here depends on the engine's internals, and users never need an internal type.
 */
package dev.weft.api;
