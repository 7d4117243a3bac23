package dev.weft.examples.awaitkey;

/**
 * Results by key that threads wait for (entry 8 of the catalogue): {@link BuggyResultBoard}, {@link
 * BuggyUnlockedCheckResultBoard} and their fix {@link ResultBoard} all implement it, so that one contract
 * test runs all three.
 */
public interface Results {

    /** Publishes the result for {@code key}, replacing an earlier one, and wakes its waiters. */
    void publish(String key, String result);

    /** Waits until a result for {@code key} is published, then returns it. */
    String await(String key) throws InterruptedException;
}
