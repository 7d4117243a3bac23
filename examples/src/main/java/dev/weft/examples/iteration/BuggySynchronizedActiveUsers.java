package dev.weft.examples.iteration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who was active when, on a {@link Collections#synchronizedMap synchronized map} — but iterated without
 * holding its lock. <strong>Buggy on purpose</strong>: entry 3 of the catalogue.
 *
 * <p><b>The bug.</b> Exactly as in {@link BuggyActiveUsers}: a report that runs while a request thread
 * adds a user fails with {@link java.util.ConcurrentModificationException} or returns a wrong list.
 *
 * <p><b>Why.</b> A synchronized map locks each of its own methods, and an iteration is many calls
 * ({@code hasNext}, {@code next}) on an iterator of the backing {@code HashMap}: a {@code put} fits
 * between any two of them. The Javadoc of {@link Collections#synchronizedMap} says it: "It is
 * imperative that the user manually synchronize on the returned map when traversing".
 *
 * <p><b>The fix.</b> {@link SnapshotActiveUsers}: copy the map inside {@code synchronized (map)} and
 * iterate the copy outside the lock, so writers wait only for the copy.
 *
 * <p>Concurrency contract: {@link #touch} and {@link #forget} are safe from any thread; {@link
 * #activeSince} is not safe while others write.
 */
public final class BuggySynchronizedActiveUsers implements UserActivity {

    private final Map<String, Long> lastSeenMillis = Collections.synchronizedMap(new HashMap<>());

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
