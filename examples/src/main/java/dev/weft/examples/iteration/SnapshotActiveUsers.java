package dev.weft.examples.iteration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who was active when, on a {@link Collections#synchronizedMap synchronized map} whose reports iterate a
 * snapshot: one fix of {@link BuggySynchronizedActiveUsers} (entry 3 of the catalogue).
 *
 * <p>{@link #activeSince} copies the map while holding the map's own lock (the lock its methods use),
 * then filters the copy without it. The copy is a consistent state of the map at one instant; writers
 * are held up only for the copy, not for the filtering.
 *
 * <p>Concurrency contract: safe for any number of threads; every method is linearizable, a report
 * included. Limits: each report copies the whole map while writers wait — fine for thousands of users,
 * costly for millions (then prefer {@link ActiveUsers}).
 */
public final class SnapshotActiveUsers implements UserActivity {

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
        Map<String, Long> snapshot;
        synchronized (lastSeenMillis) {
            snapshot = new HashMap<>(lastSeenMillis);
        }
        List<String> active = new ArrayList<>();
        snapshot.forEach((user, lastSeen) -> {
            if (lastSeen >= sinceMillis) {
                active.add(user);
            }
        });
        return active;
    }
}
