package dev.weft.examples.awaitkey;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A board where producers publish results by key and consumers wait for the key they need, checking
 * for the result before taking the lock they wait on. <strong>Buggy on purpose</strong>: entry 8 of
 * the catalogue.
 *
 * <p><b>The bug.</b> A consumer that starts waiting just as the producer publishes its result can
 * sleep forever, with the result on the board.
 *
 * <p><b>Why.</b> The consumer checks the map (no result yet), then the producer puts the result and
 * calls {@code notifyAll()} — nobody is waiting yet — then the consumer enters the monitor and waits
 * for a notification that has already happened. The check and the wait must be atomic with respect to
 * the publish: both under the same lock that the publisher holds while it changes the condition.
 *
 * <p><b>The fix.</b> {@link ResultBoard}: check and wait under the monitor, publish and notify under
 * the same monitor.
 *
 * <p>Concurrency contract: publishing is safe from any thread; a waiter that races a publish may sleep
 * forever.
 */
public final class BuggyUnlockedCheckResultBoard implements Results {

    private final Map<String, String> resultByKey = new ConcurrentHashMap<>();
    private final Object published = new Object();

    /** Publishes the result for {@code key}, replacing an earlier one, and wakes all waiters. */
    public void publish(String key, String result) {
        resultByKey.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(result, "result"));
        synchronized (published) {
            published.notifyAll();
        }
    }

    /** Waits until a result for {@code key} is published, then returns it. */
    public String await(String key) throws InterruptedException {
        Objects.requireNonNull(key, "key");
        String result;
        while ((result = resultByKey.get(key)) == null) {
            synchronized (published) {
                published.wait();
            }
        }
        return result;
    }
}
