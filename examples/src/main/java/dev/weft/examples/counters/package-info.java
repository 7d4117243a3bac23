/**
 * Entry 2: check-then-act on a {@link java.util.concurrent.ConcurrentHashMap}: a counter store that
 * reads then writes ({@link dev.weft.examples.counters.BuggyCounterStore}) and a rate limiter that does
 * the same ({@link dev.weft.examples.counters.BuggyRateLimiter}), fixed with {@code putIfAbsent},
 * {@code merge} and {@code compute} ({@link dev.weft.examples.counters.CounterStore}, {@link
 * dev.weft.examples.counters.RateLimiter}).
 */
package dev.weft.examples.counters;
