package dev.weft.examples.iteration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who was active when: request threads {@link #touch} users, a reporting thread lists {@link
 * #activeSince recently active} ones. Backed by a plain {@link HashMap}. <strong>Buggy on
 * purpose</strong>: entry 3 of the catalogue.
 *
 * <p><b>The bug.</b> A report that runs while a request thread adds a new user fails with {@link
 * java.util.ConcurrentModificationException} — or, worse, silently skips or repeats users, because the
 * fail-fast check is best effort and the map itself is being written without synchronization.
 *
 * <p><b>Why.</b> A {@code HashMap} iterator remembers the map's {@code modCount} and throws when it
 * changes under it; that check is meant for bugs in one thread and catches concurrent writers only by
 * luck. A writer may also resize the table while the iterator walks the old one.
 *
 * <p><b>The fix.</b> {@link ActiveUsers} iterates a {@link java.util.concurrent.ConcurrentHashMap}
 * (weakly consistent: never throws, sees each user at most once); {@link SnapshotActiveUsers} copies a
 * synchronized map under its lock and iterates the copy.
 *
 * <p>Concurrency contract: none. Safe for one thread only.
 */
public final class BuggyActiveUsers implements UserActivity {

    private final Map<String, Long> lastSeenMillis = new HashMap<>();

    /** Records that {@code user} was active at {@code nowMillis}. */
    public void touch(String user, long nowMillis) {
        lastSeenMillis.put(Objects.requireNonNull(user, "user"), nowMillis);
    }

    /** Forgets {@code user}. */
    public void forget(String user) {
        lastSeenMillis.remove(user);
    }

    /** Users last seen at or after {@code sinceMillis}, in no particular order. */
    public List<String> activeSince(long sinceMillis) {
        List<String> active = new ArrayList<>();
        for (Map.Entry<String, Long> entry : lastSeenMillis.entrySet()) {
            if (entry.getValue() >= sinceMillis) {
                active.add(entry.getKey());
            }
        }
        return active;
    }
}
