package dev.weft.engine.config;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reads seeds as users write them: a non-negative decimal number such as {@code 8412331907}. */
public final class SeedText {

    /** What a valid seed looks like, for error messages. */
    public static final String EXPECTED = "a non-negative decimal number such as 8412331907";

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

    private SeedText() {
    }

    /** The seed the text denotes, or empty when it is not a non-negative decimal {@code long}. */
    public static OptionalLong parse(String text) {
        String trimmed = text.strip();
        if (!DIGITS.matcher(trimmed).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
