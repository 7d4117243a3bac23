package dev.weft.scheduler.strategy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One part of an exploration split into {@code count} parts, numbered from 0: shard {@code index}
 * of {@code count}, written {@code "index/count"} (the {@code weft.shard} setting). The engine gives
 * each shard the units (scenarios of a map or object test, executions of an imperative one) whose index
 * is {@code index} modulo {@code count} ({@link #owns}).
 *
 * <p>The shards of one exploration are disjoint and together give exactly the unsharded
 * exploration: see {@link Strategies#shard} for how each strategy is split.
 *
 * @param index which part, {@code 0 <= index < count}
 * @param count number of parts, at least 1
 */
public record Shard(int index, int count) {

    /** The whole exploration, unsplit: {@code 0/1}. */
    public static final Shard WHOLE = new Shard(0, 1);

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})");

    /** Checks the bounds. */
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be at least 1, was " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(
                    "shard index must be between 0 and " + (count - 1) + ", was " + index);
        }
    }

    /**
     * Parses {@code "index/count"}, for example {@code "0/4"} (blanks around the numbers allowed).
     *
     * @throws IllegalArgumentException when the text is not of that form or out of bounds
     */
    public static Shard parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "shard must be written index/count with 0 <= index < count, for example 0/4, was \"" + text + "\"");
        }
        return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** Whether the unit with this index (a scenario, or an execution of an imperative test) is in this shard. */
    public boolean owns(long unitIndex) {
        return Math.floorMod(unitIndex, (long) count) == index;
    }

    /** The indices this shard owns among {@code 0 .. total - 1}, ascending: {@code index, index + count, …}. */
    public IntStream indices(int total) {
        return IntStream.iterate(index, unit -> unit < total, unit -> unit + count);
    }

    /** Whether this is the whole exploration. */
    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
