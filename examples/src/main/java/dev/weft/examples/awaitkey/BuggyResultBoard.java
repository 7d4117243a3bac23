package dev.weft.examples.awaitkey;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A board where producers publish results by key and consumers wait for the key they need. Wakes
 * waiters with {@code notify()}. <strong>Buggy on purpose</strong>: entry 8 of the catalogue.
 *
 * <p><b>The bug.</b> Two consumers wait, one for {@code "a"} and one for {@code "b"}. A producer
 * publishes {@code "a"}: the consumer of {@code "b"} may be the one woken; it finds no {@code "b"} and
 * waits again, while the consumer of {@code "a"} sleeps on although its result is there — until some
 * later publish happens to wake it, or forever.
 *
 * <p><b>Why.</b> All consumers wait on the same monitor for different conditions. {@code notify()}
 * wakes one arbitrary waiter, which may not be one whose condition became true: the wake-up is spent on
 * the wrong thread and lost.
 *
 * <p><b>The fix.</b> {@link ResultBoard}: {@code notifyAll()}, and every waiter re-checks its own
 * condition in a loop. (With one {@link java.util.concurrent.locks.Condition} per key, a targeted
 * signal would also do.)
 *
 * <p>Concurrency contract: publishing is safe from any thread; a waiter may miss its result whenever
 * two or more threads wait at once.
 */
public final class BuggyResultBoard implements Results {

    private final Map<String, String> resultByKey = new HashMap<>();

    /** Publishes the result for {@code key}, replacing an earlier one, and wakes a waiter. */
    public synchronized void publish(String key, String result) {
        resultByKey.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(result, "result"));
        notify();
    }

    /** Waits until a result for {@code key} is published, then returns it. */
    public synchronized String await(String key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        while (!resultByKey.containsKey(key)) {
            wait();
        }
        return resultByKey.get(key);
    }
}
