package dev.weft.examples.iteration;

import java.util.List;

/**
 * When each user was last active, listed while other threads record activity (entry 3 of the catalogue):
 * {@link BuggyActiveUsers}, {@link BuggySynchronizedActiveUsers} and their fixes {@link ActiveUsers} and
 * {@link SnapshotActiveUsers} all implement it, so that one contract test runs all four.
 */
public interface UserActivity {

    /** Records that {@code user} was active at {@code nowMillis}. */
    void touch(String user, long nowMillis);

    /** Forgets {@code user}. */
    void forget(String user);

    /** Users last seen at or after {@code sinceMillis}, in no particular order. */
    List<String> activeSince(long sinceMillis);
}
