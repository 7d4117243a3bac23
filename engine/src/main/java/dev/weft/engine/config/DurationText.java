package dev.weft.engine.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations users write in annotations and configuration: a number of seconds ({@code "30"}),
 * a number with a unit ({@code "1500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"}) or an ISO-8601
 * duration ({@code "PT30S"}).
 */
public final class DurationText {

    /** What a valid duration looks like, for error messages. */
    public static final String EXPECTED = "a duration such as 30s, 1500ms, 2m or PT30S (0 = no limit)";

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");

    private DurationText() {
    }

    /** The duration the text denotes, or empty when the text is not a non-negative duration. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = NUMBER_WITH_UNIT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            switch (unit) {
                case "ms":
                    return Optional.of(Duration.ofMillis(amount));
                case "m":
                    return Optional.of(Duration.ofMinutes(amount));
                case "h":
                    return Optional.of(Duration.ofHours(amount));
                default:
                    return Optional.of(Duration.ofSeconds(amount));
            }
        }
        if (trimmed.startsWith("p")) {
            try {
                Duration duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
                return duration.isNegative() ? Optional.empty() : Optional.of(duration);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Prints a duration the way users write it: {@code 30s}, {@code 1500ms}, {@code 0}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0";
        }
        if (duration.toMillisPart() != 0 || duration.getNano() % 1_000_000 != 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toSeconds() + "s";
    }
}
