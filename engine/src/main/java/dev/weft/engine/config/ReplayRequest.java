package dev.weft.engine.config;

/**
 * A replay token to run instead of an exploration, and where it came from.
 *
 * @param token the token, well formed (see {@link ReplayTokenSyntax})
 * @param fromConfiguration whether it came from {@code weft.replay}, which applies only to the test
 *     the token was recorded for (the runtime checks that against the token); otherwise it is the
 *     test's own {@code replay} attribute and always applies
 */
public record ReplayRequest(String token, boolean fromConfiguration) {
}
