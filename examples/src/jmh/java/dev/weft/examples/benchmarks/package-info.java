/**
 * JMH benchmarks of the catalogue's fixes under contention ("Cost of each fix" in {@code
 * docs/benchmarks.md}). Compiled and packaged only by the {@code benchmarks} profile ({@code
 * target/benchmarks.jar}, main class {@code org.openjdk.jmh.Main}).
 */
package dev.weft.examples.benchmarks;
