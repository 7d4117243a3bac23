package dev.weft.engine.descriptor;

import dev.weft.engine.config.DurationText;
import dev.weft.engine.config.TestSettings;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.ExplorationStatistics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The key-value pairs of the report entries every test publishes: its plan before exploring (the seed
 * first: it is always printed) and what the exploration covered after.
 */
public final class ExplorationSummary {

    private ExplorationSummary() {
    }

    /** The plan: seed (and where it came from), strategy, budgets, shard, replay. */
    public static Map<String, String> plan(TestSettings settings) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("weft.seed", settings.seed() + " (" + settings.seedSource().name().toLowerCase(Locale.ROOT) + ")");
        entries.put("weft.strategy", settings.strategy().name());
        entries.put("weft.scenarios", String.valueOf(settings.scenarios()));
        entries.put("weft.schedules", String.valueOf(settings.schedules()));
        entries.put("weft.timeBudget", DurationText.format(settings.timeBudget()));
        if (!settings.shard().isWhole()) {
            entries.put("weft.shard", settings.shard().toString());
        }
        settings.replay().ifPresent(replay -> entries.put("weft.replay", replay.token()));
        return entries;
    }

    /** What was explored, ended as its statistics say (never by a failure or a cancellation). */
    public static Map<String, String> statistics(ExplorationStatistics statistics) {
        return statistics(statistics, end(new ExplorationResult.Passed(statistics), false));
    }

    /**
     * How an exploration ended: {@code failure found}, {@code cancelled}, {@code time budget spent},
     * {@code every interleaving within the preemption bound} or {@code planned executions done}.
     */
    public static String end(ExplorationResult result, boolean cancelled) {
        ExplorationStatistics statistics = result.statistics();
        if (result instanceof ExplorationResult.Failed) {
            return "failure found";
        }
        if (cancelled) {
            return "cancelled";
        }
        return statistics.budgetSpent() ? "time budget spent"
                : statistics.exhaustive() ? "every interleaving within the preemption bound" : "planned executions done";
    }

    /** What was explored: scenarios, executions, distinct interleavings, strategy mix, time, how it ended. */
    public static Map<String, String> statistics(ExplorationStatistics statistics, String end) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("weft.explored.scenarios", String.valueOf(statistics.scenarios()));
        entries.put("weft.explored.executions", String.valueOf(statistics.executions()));
        entries.put("weft.explored.interleavings", String.valueOf(statistics.distinctInterleavings()));
        entries.put("weft.explored.strategies", strategyMix(statistics));
        entries.put("weft.explored.time", statistics.elapsed().toMillis() + "ms");
        entries.put("weft.explored.end", end);
        if (!statistics.suppressedRaces().isEmpty()) {
            entries.put("weft.races.suppressed", statistics.suppressedRaces().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (!statistics.raceWarnings().isEmpty()) {
            entries.put("weft.races.warnings", String.join(" | ", statistics.raceWarnings()));
        }
        if (!statistics.notes().isEmpty()) {
            entries.put("weft.notes", String.join(" | ", statistics.notes()));
        }
        return entries;
    }

    /**
     * The one line a test prints when it ends, for the reports of runners that drop report entries:
     * {@code weft: CounterTest.increments — seed 42 (annotation), strategy PORTFOLIO, 200 executions
     * (RANDOM=41, PCT=121, POS=38), 37 distinct interleavings, 812ms, end: planned executions done}.
     */
    public static String summaryLine(String testName, TestSettings settings, ExplorationStatistics statistics, String end) {
        StringBuilder line = new StringBuilder("weft: ").append(testName).append(" — seed ").append(settings.seed())
                .append(" (").append(settings.seedSource().name().toLowerCase(Locale.ROOT)).append("), strategy ")
                .append(settings.strategy().name());
        if (!settings.shard().isWhole()) {
            line.append(", shard ").append(settings.shard());
        }
        line.append(", ").append(coverage(statistics));
        if (!statistics.executionsByStrategy().isEmpty()) {
            line.append(" (").append(strategyMix(statistics)).append(")");
        }
        line.append(", ").append(statistics.distinctInterleavings()).append(" distinct interleavings, ")
                .append(statistics.elapsed().toMillis()).append("ms, end: ").append(end);
        return line.toString();
    }

    /** {@code 200 executions}, with the scenarios first when there were any: {@code 12 scenarios, 2400 executions}. */
    public static String coverage(ExplorationStatistics statistics) {
        String executions = statistics.executions() + (statistics.executions() == 1 ? " execution" : " executions");
        return statistics.scenarios() == 0 ? executions
                : statistics.scenarios() + (statistics.scenarios() == 1 ? " scenario, " : " scenarios, ") + executions;
    }

    /** Executions per strategy ({@code RANDOM=41, PCT=121, POS=38}); {@code none} when every execution was a replay. */
    private static String strategyMix(ExplorationStatistics statistics) {
        if (statistics.executionsByStrategy().isEmpty()) {
            return "none";
        }
        return statistics.executionsByStrategy().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One progress line: {@code StripedMapTest.stripedMap: 12 scenarios, 2400 executions, 1800 distinct interleavings, 4.2s}. */
    public static String progressLine(String testName, ExplorationStatistics soFar) {
        return testName + ": " + soFar.scenarios() + " scenarios, " + soFar.executions() + " executions, "
                + soFar.distinctInterleavings() + " distinct interleavings, "
                + String.format(Locale.ROOT, "%.1fs", soFar.elapsed().toMillis() / 1000.0);
    }
}
