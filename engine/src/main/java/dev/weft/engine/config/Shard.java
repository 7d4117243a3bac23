package dev.weft.engine.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One machine's share of an exploration: the units (scenarios, or executions of an imperative test)
 * whose index is {@code index} modulo {@code count}. The shares {@code 0/N} to {@code N-1/N} are
 * disjoint and together cover every unit exactly once.
 *
 * @param index this share, {@code 0 <= index < count}
 * @param count how many shares the exploration is split into, at least 1
 */
public record Shard(int index, int count) {

    /** The whole exploration, {@code 0/1}. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})");

    /** Checks {@code 0 <= index < count}. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "a shard must be i/N with 0 <= i < N, was " + index + "/" + count);
        }
    }

    /** The shard written as {@code i/N}, or empty when the text is not a valid shard. */
    public static Optional<Shard> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        if (count < 1 || index >= count) {
            return Optional.empty();
        }
        return Optional.of(new Shard(index, count));
    }

    /** Whether the unit with this index (a scenario, or an execution of an imperative test) is in this share. */
    public boolean owns(long unitIndex) {
        return Math.floorMod(unitIndex, (long) count) == index;
    }

    /** The indices this share owns among {@code 0 .. total - 1}, ascending: {@code index, index + count, …}. */
    public IntStream indices(int total) {
        return IntStream.iterate(index, unit -> unit < total, unit -> unit + count);
    }

    /** Whether this is the whole exploration. */
    public boolean isAll() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
