/**
 * Entry 3: iterating a map while another thread modifies it. Two buggy versions — a plain {@link
 * java.util.HashMap} ({@link dev.weft.examples.iteration.BuggyActiveUsers}) and a {@link
 * java.util.Collections#synchronizedMap synchronizedMap} iterated without holding its lock ({@link
 * dev.weft.examples.iteration.BuggySynchronizedActiveUsers}) — and two fixes: a snapshot copied under
 * the lock ({@link dev.weft.examples.iteration.SnapshotActiveUsers}) and {@link
 * java.util.concurrent.ConcurrentHashMap}'s weakly consistent iteration ({@link
 * dev.weft.examples.iteration.ActiveUsers}).
 */
package dev.weft.examples.iteration;
