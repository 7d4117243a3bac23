/**
 * The five targets as Lincheck test classes: one {@code @Operation} per map call, keys and values
 * drawn from 1..3, each class its own sequential specification (Lincheck's default). {@link
 * dev.weft.benchmarks.lincheck.CountingVerifier} counts the invocations Lincheck checks.
 */
package dev.weft.benchmarks.lincheck;
