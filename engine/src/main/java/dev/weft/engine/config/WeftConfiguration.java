package dev.weft.engine.config;

import dev.weft.api.Strategy;
import dev.weft.scheduler.strategy.Shard;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The {@code weft.*} configuration of one run, parsed once from the launcher's configuration
 * parameters; immutable. See {@link WeftSettings} for each key's meaning and default.
 *
 * @param seed the seed of tests that set none; empty = a fresh seed per test
 * @param replay the replay token to apply to the test it was recorded for; empty = none
 * @param schedulesDefault executions per scenario or imperative test
 * @param scenariosDefault scenarios per map-form or object-form test
 * @param strategyDefault strategy of tests that choose none; never {@link Strategy#DEFAULT}
 * @param preemptionBoundDefault most preemptions per exhaustive execution
 * @param timeBudget wall-clock budget per test; zero = none
 * @param shard this machine's share of each exploration
 * @param failuresStore directory of the failure store; empty = off
 * @param races what a data race does
 * @param racesSuppress races not to report: fields, classes or {@code package.*} patterns
 * @param shrink whether failures are shrunk
 * @param progressInterval period of progress lines; zero = none
 * @param reportsDirectory directory of the failed tests' HTML pages; empty = none
 * @param summaryOnStandardOutput whether each test prints its one-line summary on standard output
 * @param maxStepsDefault scheduling points after which one execution is a hang
 * @param staticsKeep classes (or {@code package.*}) whose statics persist across executions
 */
public record WeftConfiguration(
        OptionalLong seed,
        Optional<String> replay,
        int schedulesDefault,
        int scenariosDefault,
        Strategy strategyDefault,
        int preemptionBoundDefault,
        Duration timeBudget,
        Shard shard,
        Optional<Path> failuresStore,
        RaceMode races,
        List<String> racesSuppress,
        boolean shrink,
        Duration progressInterval,
        Optional<Path> reportsDirectory,
        boolean summaryOnStandardOutput,
        long maxStepsDefault,
        List<String> staticsKeep) {

    /** Built-in executions per scenario or imperative test. */
    public static final int BUILT_IN_SCHEDULES = 200;
    /** Built-in scenarios per map-form or object-form test. */
    public static final int BUILT_IN_SCENARIOS = 50;
    /** Built-in strategy. */
    public static final Strategy BUILT_IN_STRATEGY = Strategy.PORTFOLIO;
    /** Built-in preemption bound of the exhaustive strategy. */
    public static final int BUILT_IN_PREEMPTION_BOUND = 2;
    /** Built-in time budget per test. */
    public static final Duration BUILT_IN_TIME_BUDGET = Duration.ofSeconds(30);
    /** Built-in failure store directory, relative to the working directory. */
    public static final String BUILT_IN_FAILURES_STORE = "target/weft/failures";
    /** Built-in directory of the HTML report pages, relative to the working directory. */
    public static final String BUILT_IN_REPORTS = "target/weft/reports";
    /** Built-in progress interval. */
    public static final Duration BUILT_IN_PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** Built-in step bound of one execution. */
    public static final long BUILT_IN_MAX_STEPS = 10_000_000;

    private static final Pattern SUPPRESSION =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\.\\*)?");

    /** Makes the lists immutable. */
    public WeftConfiguration {
        racesSuppress = List.copyOf(racesSuppress);
        staticsKeep = List.copyOf(staticsKeep);
    }

    /** The configuration with every key at its built-in default. */
    public static WeftConfiguration defaults() {
        return new WeftConfiguration(OptionalLong.empty(), Optional.empty(), BUILT_IN_SCHEDULES,
                BUILT_IN_SCENARIOS, BUILT_IN_STRATEGY, BUILT_IN_PREEMPTION_BOUND, BUILT_IN_TIME_BUDGET,
                Shard.WHOLE, Optional.of(Paths.get(BUILT_IN_FAILURES_STORE)), RaceMode.FAIL, List.of(), true,
                BUILT_IN_PROGRESS_INTERVAL, Optional.of(Paths.get(BUILT_IN_REPORTS)), true, BUILT_IN_MAX_STEPS, List.of());
    }

    /**
     * Parses every {@code weft.*} key.
     *
     * @throws InvalidConfigurationException listing every invalid value, each with its key and remedy
     */
    public static WeftConfiguration parse(ConfigurationParameters parameters) {
        return parse(key -> parameters.get(key));
    }

    /**
     * Parses every {@code weft.*} key from a lookup that returns a key's raw value, if set.
     *
     * @throws InvalidConfigurationException listing every invalid value, each with its key and remedy
     */
    public static WeftConfiguration parse(Function<String, Optional<String>> lookup) {
        Reader reader = new Reader(lookup);
        OptionalLong seed = reader.value(WeftSettings.SEED)
                .filter(text -> !text.isEmpty())
                .map(text -> {
                    OptionalLong parsed = SeedText.parse(text);
                    if (parsed.isEmpty()) {
                        reader.problem(WeftSettings.SEED, SeedText.EXPECTED, text);
                    }
                    return parsed;
                })
                .orElse(OptionalLong.empty());
        Optional<String> replay = reader.value(WeftSettings.REPLAY).filter(text -> !text.isEmpty());
        replay.filter(token -> !ReplayTokenSyntax.isWellFormed(token))
                .ifPresent(token -> reader.problem(WeftSettings.REPLAY, ReplayTokenSyntax.EXPECTED, token));
        int schedules = reader.positiveInt(WeftSettings.SCHEDULES_DEFAULT, BUILT_IN_SCHEDULES);
        int scenarios = reader.positiveInt(WeftSettings.SCENARIOS_DEFAULT, BUILT_IN_SCENARIOS);
        Strategy strategy = reader.value(WeftSettings.STRATEGY_DEFAULT)
                .map(text -> parseStrategy(text).orElseGet(() -> {
                    reader.problem(WeftSettings.STRATEGY_DEFAULT,
                            "one of RANDOM, PCT, POS, EXHAUSTIVE, PORTFOLIO", text);
                    return BUILT_IN_STRATEGY;
                }))
                .orElse(BUILT_IN_STRATEGY);
        int preemptionBound = reader.value(WeftSettings.PREEMPTION_BOUND_DEFAULT)
                .map(text -> reader.integer(WeftSettings.PREEMPTION_BOUND_DEFAULT, text, 0,
                        "a whole number of at least 0", BUILT_IN_PREEMPTION_BOUND))
                .orElse(BUILT_IN_PREEMPTION_BOUND);
        Duration timeBudget = reader.duration(WeftSettings.TIME_BUDGET, BUILT_IN_TIME_BUDGET);
        Shard shard = reader.value(WeftSettings.SHARD)
                .map(text -> {
                    try {
                        return Shard.parse(text);
                    } catch (IllegalArgumentException e) {
                        reader.problem(WeftSettings.SHARD, "i/N with 0 <= i < N", text);
                        return Shard.WHOLE;
                    }
                })
                .orElse(Shard.WHOLE);
        Optional<Path> store = reader.value(WeftSettings.FAILURES_STORE)
                .orElse(BUILT_IN_FAILURES_STORE)
                .transform(text -> text.isEmpty() ? Optional.<Path>empty() : reader.path(text));
        RaceMode races = reader.value(WeftSettings.RACES)
                .map(text -> parseRaceMode(text).orElseGet(() -> {
                    reader.problem(WeftSettings.RACES, "one of fail, warn, off", text);
                    return RaceMode.FAIL;
                }))
                .orElse(RaceMode.FAIL);
        List<String> suppress = reader.value(WeftSettings.RACES_SUPPRESS)
                .map(text -> parseSuppressions(reader, text))
                .orElse(List.of());
        boolean shrink = reader.value(WeftSettings.SHRINK)
                .map(text -> parseBoolean(text).orElseGet(() -> {
                    reader.problem(WeftSettings.SHRINK, "true or false", text);
                    return true;
                }))
                .orElse(true);
        Duration progress = reader.duration(WeftSettings.PROGRESS_INTERVAL, BUILT_IN_PROGRESS_INTERVAL);
        Optional<Path> reports = reader.value(WeftSettings.REPORTS)
                .orElse(BUILT_IN_REPORTS)
                .transform(text -> text.isEmpty() ? Optional.<Path>empty()
                        : reader.path(WeftSettings.REPORTS, text, "a directory path, or empty for no HTML pages"));
        boolean summary = reader.value(WeftSettings.SUMMARY_STDOUT)
                .map(text -> parseBoolean(text).orElseGet(() -> {
                    reader.problem(WeftSettings.SUMMARY_STDOUT, "true or false", text);
                    return true;
                }))
                .orElse(true);
        long maxSteps = reader.value(WeftSettings.MAX_STEPS)
                .map(text -> reader.wholeNumber(WeftSettings.MAX_STEPS, text, 1, BUILT_IN_MAX_STEPS))
                .orElse(BUILT_IN_MAX_STEPS);
        List<String> keep = reader.value(WeftSettings.STATICS_KEEP)
                .map(text -> parseClassList(reader, text))
                .orElse(List.of());
        reader.throwIfProblems();
        return new WeftConfiguration(seed, replay, schedules, scenarios, strategy, preemptionBound,
                timeBudget, shard, store, races, suppress, shrink, progress, reports, summary, maxSteps, keep);
    }

    private static Optional<Strategy> parseStrategy(String text) {
        return Arrays.stream(Strategy.values())
                .filter(strategy -> strategy != Strategy.DEFAULT)
                .filter(strategy -> strategy.name().equalsIgnoreCase(text))
                .findFirst();
    }

    private static Optional<RaceMode> parseRaceMode(String text) {
        return Arrays.stream(RaceMode.values())
                .filter(mode -> mode.name().equalsIgnoreCase(text))
                .findFirst();
    }

    private static Optional<Boolean> parseBoolean(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
                return Optional.of(true);
            case "false":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }

    private static List<String> parseSuppressions(Reader reader, String text) {
        List<String> patterns = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String pattern = part.strip();
            if (pattern.isEmpty() && text.strip().isEmpty()) {
                continue;
            }
            if (!SUPPRESSION.matcher(pattern).matches()) {
                reader.problem(WeftSettings.RACES_SUPPRESS,
                        "a comma-separated list of fields, classes or package.* patterns", text);
                return List.of();
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    private static final Pattern CLASS_OR_PACKAGE =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*(\\.\\*)?");

    private static List<String> parseClassList(Reader reader, String text) {
        List<String> classes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty() && text.strip().isEmpty()) {
                continue;
            }
            if (!CLASS_OR_PACKAGE.matcher(name).matches()) {
                reader.problem(WeftSettings.STATICS_KEEP,
                        "a comma-separated list of fully qualified class names or package.* patterns", text);
                return List.of();
            }
            classes.add(name);
        }
        return classes;
    }

    /** Reads raw values and collects problems, so that one run reports every bad value at once. */
    private static final class Reader {

        private final Function<String, Optional<String>> lookup;
        private final List<String> problems = new ArrayList<>();

        Reader(Function<String, Optional<String>> lookup) {
            this.lookup = lookup;
        }

        Optional<String> value(String key) {
            return lookup.apply(key).map(String::strip);
        }

        void problem(String key, String expected, String actual) {
            problems.add(key + " must be " + expected + ", was " + actual);
        }

        int positiveInt(String key, int builtIn) {
            return value(key)
                    .map(text -> integer(key, text, 1, "a whole number of at least 1", builtIn))
                    .orElse(builtIn);
        }

        int integer(String key, String text, int minimum, String expected, int fallback) {
            try {
                int parsed = Integer.parseInt(text);
                if (parsed >= minimum) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, expected, text);
            return fallback;
        }

        long wholeNumber(String key, String text, long minimum, long fallback) {
            try {
                long parsed = Long.parseLong(text.replace("_", ""));
                if (parsed >= minimum) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, "a whole number of at least " + minimum, text);
            return fallback;
        }

        Duration duration(String key, Duration builtIn) {
            return value(key)
                    .map(text -> DurationText.parse(text).orElseGet(() -> {
                        problem(key, DurationText.EXPECTED, text);
                        return builtIn;
                    }))
                    .orElse(builtIn);
        }

        Optional<Path> path(String text) {
            return path(WeftSettings.FAILURES_STORE, text, "a directory path, or empty to turn the store off");
        }

        Optional<Path> path(String key, String text, String expected) {
            try {
                return Optional.of(Paths.get(text));
            } catch (RuntimeException e) {
                problem(key, expected, text);
                return Optional.empty();
            }
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
        }
    }
}
