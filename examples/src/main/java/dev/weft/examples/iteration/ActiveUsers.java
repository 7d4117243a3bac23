package dev.weft.examples.iteration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who was active when, on a {@link ConcurrentHashMap}: one fix of {@link BuggyActiveUsers} (entry 3 of
 * the catalogue).
 *
 * <p>{@code ConcurrentHashMap}'s iterators are weakly consistent: they never throw {@link
 * java.util.ConcurrentModificationException}, return each user at most once, see every user present for
 * the whole iteration, and may or may not see users touched or forgotten while it runs. Nobody waits for
 * a report.
 *
 * <p>Concurrency contract: safe for any number of threads; {@link #touch} and {@link #forget} are
 * linearizable. Limits: a report is not a snapshot — it is not linearizable with respect to concurrent
 * writes (a user added during a report may appear while one added earlier in the same report's
 * lifetime does not). Where a report must be one instant, use {@link SnapshotActiveUsers}.
 */
public final class ActiveUsers implements UserActivity {

    private final Map<String, Long> lastSeenMillis = new ConcurrentHashMap<>();

    /** Records that {@code user} was active at {@code nowMillis}. */
    public void touch(String user, long nowMillis) {
        lastSeenMillis.put(Objects.requireNonNull(user, "user"), nowMillis);
    }

    /** Forgets {@code user}. */
    public void forget(String user) {
        lastSeenMillis.remove(Objects.requireNonNull(user, "user"));
    }

    /** Users last seen at or after {@code sinceMillis}, in no particular order. */
    public List<String> activeSince(long sinceMillis) {
        List<String> active = new ArrayList<>();
        lastSeenMillis.forEach((user, lastSeen) -> {
            if (lastSeen >= sinceMillis) {
                active.add(user);
            }
        });
        return active;
    }
}
