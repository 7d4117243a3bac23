/**
 * Entry 6: a {@link java.util.concurrent.locks.ReentrantReadWriteLock}-guarded map used wrongly — a
 * write under the read lock ({@link dev.weft.examples.readwrite.BuggyRoutingTable}) and an attempt to
 * upgrade the read lock to the write lock ({@link
 * dev.weft.examples.readwrite.BuggyUpgradingRoutingTable}) — and the right discipline ({@link
 * dev.weft.examples.readwrite.RoutingTable}).
 */
package dev.weft.examples.readwrite;
