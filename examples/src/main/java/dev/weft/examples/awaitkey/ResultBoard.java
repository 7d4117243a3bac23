package dev.weft.examples.awaitkey;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A board where producers publish results by key and consumers wait for the key they need: the fix of
 * {@link BuggyResultBoard} and {@link BuggyUnlockedCheckResultBoard} (entry 8 of the catalogue).
 *
 * <p>The condition "a result for my key is here" is checked and waited for under the board's monitor,
 * in a loop; {@link #publish} changes the map and calls {@code notifyAll()} under the same monitor.
 * So a publish cannot fall between a waiter's check and its wait, every waiter is woken, and each one
 * goes back to sleep unless its own key arrived (the loop also absorbs spurious wake-ups).
 *
 * <p>Concurrency contract: safe for any number of threads; {@link #publish} and a returning {@link
 * #await} are linearizable. Limits: every publish wakes every waiter, which costs O(waiters) context
 * switches; with hundreds of waiters prefer one {@link java.util.concurrent.CompletableFuture} per key.
 */
public final class ResultBoard implements Results {

    private final Map<String, String> resultByKey = new HashMap<>();

    /** Publishes the result for {@code key}, replacing an earlier one, and wakes all waiters. */
    public synchronized void publish(String key, String result) {
        resultByKey.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(result, "result"));
        notifyAll();
    }

    /** Waits until a result for {@code key} is published, then returns it. */
    public synchronized String await(String key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        while (!resultByKey.containsKey(key)) {
            wait();
        }
        return resultByKey.get(key);
    }

    /** Waits at most {@code timeout} for a result for {@code key}; empty if none came in time. */
    public synchronized Optional<String> await(String key, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!resultByKey.containsKey(key)) {
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
        }
        return Optional.of(resultByKey.get(key));
    }
}
