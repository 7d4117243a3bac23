/**
 * Entry 8: a blocking "await key" map with a lost wake-up — {@code notify} instead of {@code
 * notifyAll} ({@link dev.weft.examples.awaitkey.BuggyResultBoard}), or the condition checked outside
 * the lock ({@link dev.weft.examples.awaitkey.BuggyUnlockedCheckResultBoard}) — versus a correct
 * condition loop ({@link dev.weft.examples.awaitkey.ResultBoard}).
 */
package dev.weft.examples.awaitkey;
