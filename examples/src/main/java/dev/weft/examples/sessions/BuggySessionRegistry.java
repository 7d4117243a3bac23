package dev.weft.examples.sessions;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry of logged-in users by session id, backed by a plain {@link HashMap} that request threads
 * share. <strong>Buggy on purpose</strong>: entry 1 of the catalogue.
 *
 * <p><b>The bug.</b> Two threads that log in at the same time can lose a session: {@link #size()}
 * then counts fewer sessions than were opened, and {@link #userOf(String)} answers empty for a session
 * that was just opened. Under heavier load the map can even corrupt its bucket chains.
 *
 * <p><b>Why.</b> {@code HashMap.put} is a read-modify-write of the bucket array and of the {@code size}
 * field, with no synchronization. Two puts into the same empty bucket both read "empty" and both write
 * their own node; the second write erases the first. Two {@code size++} can collapse into one. A put
 * that resizes the table copies the buckets while another thread still writes into the old array.
 *
 * <p><b>The fix.</b> {@link SessionRegistry}: the same code on a {@link
 * java.util.concurrent.ConcurrentHashMap}, whose every single-key operation is atomic.
 *
 * <p>Concurrency contract: none. Safe for one thread only.
 */
public final class BuggySessionRegistry implements Sessions {

    private final Map<String, String> usersBySession = new HashMap<>();

    /** Records that {@code user} logged in with {@code sessionId}, replacing any earlier owner. */
    public void open(String sessionId, String user) {
        usersBySession.put(Objects.requireNonNull(sessionId, "sessionId"), Objects.requireNonNull(user, "user"));
    }

    /** Ends a session; returns whether it was open. */
    public boolean close(String sessionId) {
        return usersBySession.remove(sessionId) != null;
    }

    /** The user of an open session, or empty. */
    public Optional<String> userOf(String sessionId) {
        return Optional.ofNullable(usersBySession.get(sessionId));
    }

    /** The number of open sessions. */
    public int size() {
        return usersBySession.size();
    }
}
