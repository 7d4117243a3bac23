package dev.weft.scheduler.strategy;

/**
 * One part of an exploration split into {@code count} parts, numbered from 0: shard {@code index}
 * of {@code count}, written {@code "index/count"}.
 *
 * <p>The shards of one exploration are disjoint and together give exactly the unsharded
 * exploration: see {@link Strategies#shard} for how each strategy is split.
 *
 * @param index which part, {@code 0 <= index < count}
 * @param count number of parts, at least 1
 */
public record Shard(int index, int count) {

    /** The whole exploration, unsplit. */
    public static final Shard WHOLE = new Shard(0, 1);

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
     * Parses {@code "index/count"}, for example {@code "0/4"}.
     *
     * @throws IllegalArgumentException when the text is not of that form or out of bounds
     */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                        Integer.parseInt(text.substring(slash + 1).trim()));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "shard must be written index/count with 0 <= index < count, for example 0/4, was \"" + text + "\"");
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
