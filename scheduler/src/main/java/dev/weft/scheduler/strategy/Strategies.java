package dev.weft.scheduler.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a strategy written as text — a name and {@code "key=value"} options, as a person types it on
 * a benchmark's command line — and splits strategies into shards.
 *
 * <p>Names (case-insensitive) and their options, each given as {@code "key=value"}:
 * <ul>
 *   <li>{@code random}: {@code switchProbability} (default 0.25);
 *   <li>{@code pct}: {@code depth} (default 3), {@code steps}, the number of contested steps of
 *       an execution when known (default unknown, see {@link PctStrategy});
 *   <li>{@code pos}: none;
 *   <li>{@code exhaustive}: {@code preemptions}, a number or {@code unbounded} (default 2); ignores
 *       the seed;
 *   <li>{@code portfolio}: none.
 * </ul>
 * {@link #create} also takes {@code shard=i/N} (see {@link #shard}). Code that knows which strategy it
 * wants builds a {@link StrategySpec} directly.
 */
public final class Strategies {

    /** The valid strategy names, in the order error messages list them. */
    public static final List<String> NAMES = List.of("random", "pct", "pos", "exhaustive", "portfolio");

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "random", Set.of("switchProbability", "shard"),
            "pct", Set.of("depth", "steps", "shard"),
            "pos", Set.of("shard"),
            "exhaustive", Set.of("preemptions", "shard"),
            "portfolio", Set.of("shard"));

    private Strategies() {}

    /**
     * Creates the strategy called {@code name}, driven by {@code seed}.
     *
     * @param options {@code "key=value"} settings, see the class documentation
     * @throws IllegalArgumentException for an unknown name, an unknown option or a bad value
     */
    public static Strategy create(String name, long seed, String... options) {
        String key = key(name);
        Map<String, String> settings = parseOptions(key, OPTIONS.get(key), options);
        Shard shard = settings.containsKey("shard") ? Shard.parse(settings.get("shard")) : Shard.WHOLE;
        return shard(spec(key, settings).create(seed), shard);
    }

    /**
     * The specification of the strategy called {@code name}.
     *
     * @param options {@code "key=value"} settings, see the class documentation ({@code shard} is not one:
     *     give it to the exploration)
     * @throws IllegalArgumentException for an unknown name, an unknown option or a bad value
     */
    public static StrategySpec parse(String name, String... options) {
        String key = key(name);
        Set<String> valid = new java.util.HashSet<>(OPTIONS.get(key));
        valid.remove("shard");
        return spec(key, parseOptions(key, valid, options));
    }

    private static String key(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!OPTIONS.containsKey(key)) {
            throw new IllegalArgumentException("unknown strategy \"" + name + "\", valid strategies are "
                    + String.join(", ", NAMES));
        }
        return key;
    }

    private static StrategySpec spec(String key, Map<String, String> settings) {
        return switch (key) {
            case "random" -> new StrategySpec.RandomWalk(settings.containsKey("switchProbability")
                    ? parseProbability(settings.get("switchProbability"))
                    : RandomWalkStrategy.DEFAULT_SWITCH_PROBABILITY);
            case "pct" -> new StrategySpec.Pct(settings.containsKey("depth")
                    ? parsePositive("depth", settings.get("depth"))
                    : PctStrategy.DEFAULT_DEPTH,
                    settings.containsKey("steps") ? parsePositive("steps", settings.get("steps")) : 0);
            case "pos" -> new StrategySpec.Pos();
            case "exhaustive" -> new StrategySpec.Exhaustive(settings.containsKey("preemptions")
                    ? parseBound(settings.get("preemptions"))
                    : ExhaustiveStrategy.DEFAULT_PREEMPTION_BOUND);
            default -> new StrategySpec.Portfolio();
        };
    }

    /**
     * Restricts {@code strategy}, which must not have run yet, to one shard of its exploration.
     *
     * <p>Randomized strategies (random walk, PCT, POS, portfolio, or any strategy whose execution
     * {@code j} depends only on its seed and {@code j}): shard {@code i} of {@code N} runs the
     * execution indices {@code j ≡ i (mod N)}, see {@link ShardedStrategy}. Bounded-exhaustive
     * search: a split of the search tree by path prefix, see {@link ExhaustiveStrategy}. In both
     * cases the shards are disjoint and their union is exactly the unsharded exploration. Shard the
     * bare strategy, then wrap it (for recording, say): a wrapped exhaustive search would be split by
     * execution index, which is wrong for it.
     */
    public static Strategy shard(Strategy strategy, Shard shard) {
        if (shard.isWhole()) {
            return strategy;
        }
        if (strategy instanceof ExhaustiveStrategy exhaustive) {
            return exhaustive.withShard(shard);
        }
        if (strategy instanceof ShardedStrategy) {
            throw new IllegalArgumentException("strategy is already sharded: " + strategy.describe());
        }
        return new ShardedStrategy(strategy, shard);
    }

    private static Map<String, String> parseOptions(String name, Set<String> valid, String... options) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option.trim() : option.substring(0, eq).trim();
            if (eq < 0 || !valid.contains(key)) {
                throw new IllegalArgumentException("unknown option \"" + option + "\" for strategy " + name
                        + ", valid options are " + (valid.isEmpty() ? "none" : String.join(", ", valid.stream().sorted().toList()))
                        + " (each as key=value)");
            }
            settings.put(key, option.substring(eq + 1).trim());
        }
        return settings;
    }

    private static int parsePositive(String key, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(key + " must be a positive integer, was \"" + value + "\"");
    }

    private static int parseBound(String value) {
        if (value.equalsIgnoreCase("unbounded")) {
            return ExhaustiveStrategy.UNBOUNDED;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "preemptions must be a non-negative integer or unbounded, was \"" + value + "\"");
    }

    private static double parseProbability(String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("switchProbability must be a number between 0 and 1, was \"" + value + "\"");
    }
}
