package dev.weft.examples.sessions;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A registry of logged-in users by session id that request threads share: the fix of {@link
 * BuggySessionRegistry} (entry 1 of the catalogue).
 *
 * <p>Backed by a {@link ConcurrentHashMap}: {@link #open}, {@link #close} and {@link #userOf} are each
 * atomic and linearizable, so no session is lost and a session opened before a lookup starts is seen by
 * it.
 *
 * <p>Concurrency contract: safe for any number of threads. Limits: {@link #size()} is an estimate while
 * sessions are being opened or closed (it is exact when the registry is quiescent); a sequence of calls
 * (look up, then close) is not atomic as a whole.
 */
public final class SessionRegistry implements Sessions {

    private final ConcurrentMap<String, String> usersBySession = new ConcurrentHashMap<>();

    /** Records that {@code user} logged in with {@code sessionId}, replacing any earlier owner. */
    public void open(String sessionId, String user) {
        usersBySession.put(Objects.requireNonNull(sessionId, "sessionId"), Objects.requireNonNull(user, "user"));
    }

    /** Ends a session; returns whether it was open. */
    public boolean close(String sessionId) {
        return usersBySession.remove(Objects.requireNonNull(sessionId, "sessionId")) != null;
    }

    /** The user of an open session, or empty. */
    public Optional<String> userOf(String sessionId) {
        return Optional.ofNullable(usersBySession.get(Objects.requireNonNull(sessionId, "sessionId")));
    }

    /** The number of open sessions; an estimate while other threads open or close sessions. */
    public int size() {
        return usersBySession.size();
    }
}
