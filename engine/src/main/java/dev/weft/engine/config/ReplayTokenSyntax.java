package dev.weft.engine.config;

import java.util.regex.Pattern;

/**
 * The outward shape of a replay token, {@code w<format version>.<base64url payload>}, checked when a
 * test is discovered so that a token damaged by copying fails early with a clear message. Whether the
 * payload decodes, and fits the program, is decided by the runtime when it replays.
 */
public final class ReplayTokenSyntax {

    /** What a valid token looks like, for error messages. */
    public static final String EXPECTED = "a token printed by a failed run, such as w1.AbCd (letters, digits, - and _ after w<version>.)";

    private static final Pattern TOKEN = Pattern.compile("w[1-9][0-9]{0,3}\\.[A-Za-z0-9_-]+");

    private ReplayTokenSyntax() {
    }

    /** Whether the text has the shape of a replay token. */
    public static boolean isWellFormed(String text) {
        return TOKEN.matcher(text).matches();
    }
}
