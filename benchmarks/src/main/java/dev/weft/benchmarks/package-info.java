/**
 * Weft measured against Lincheck: the same five map targets under both tools, each run in its own
 * JVM ({@link dev.weft.benchmarks.Compare} forks one per measurement), with the verdict, the time to
 * the first failure, the time to the final report and the executions per second on the passing
 * target printed as one table. Built only with the Maven profile {@code lincheck}.
 */
package dev.weft.benchmarks;
