package dev.weft.examples.sessions;

import java.util.Optional;

/**
 * Logged-in users by session id, as request threads share them (entry 1 of the catalogue): {@link
 * BuggySessionRegistry} and its fix {@link SessionRegistry} both implement it, so that one contract test
 * runs both.
 */
public interface Sessions {

    /** Records that {@code user} logged in with {@code sessionId}, replacing any earlier owner. */
    void open(String sessionId, String user);

    /** Ends a session; returns whether it was open. */
    boolean close(String sessionId);

    /** The user of an open session, or empty. */
    Optional<String> userOf(String sessionId);

    /** The number of open sessions. */
    int size();
}
