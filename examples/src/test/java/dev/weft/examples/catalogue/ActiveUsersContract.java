package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.iteration.UserActivity;

/**
 * Entry 3: listing the active users while another thread records activity neither throws nor corrupts
 * the map. The buggy variants iterate a {@code HashMap}, or a synchronized map without holding its lock;
 * the fixes iterate a {@code ConcurrentHashMap}, or a snapshot taken under the lock.
 */
public abstract class ActiveUsersContract {

    /** A new record without users. */
    protected abstract UserActivity newActivity();

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void listedWhileTouched_noException() throws Exception {
        UserActivity users = newActivity();
        users.touch("ann", 10);
        users.touch("bob", 10);
        runConcurrently(() -> users.activeSince(0), () -> users.touch("cid", 20));
    }
}
