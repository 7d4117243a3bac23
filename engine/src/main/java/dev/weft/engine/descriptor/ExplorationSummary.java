package dev.weft.engine.descriptor;

import dev.weft.engine.config.DurationText;
import dev.weft.engine.config.TestSettings;
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
        if (!settings.shard().isAll()) {
            entries.put("weft.shard", settings.shard().toString());
        }
        settings.replay().ifPresent(replay -> entries.put("weft.replay", replay.token()));
        return entries;
    }

    /** What was explored: scenarios, executions, distinct interleavings, strategy mix, time, how it ended. */
    public static Map<String, String> statistics(ExplorationStatistics statistics) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("weft.explored.scenarios", String.valueOf(statistics.scenarios()));
        entries.put("weft.explored.executions", String.valueOf(statistics.executions()));
        entries.put("weft.explored.interleavings", String.valueOf(statistics.distinctInterleavings()));
        entries.put("weft.explored.strategies", statistics.executionsByStrategy().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(Collectors.joining(", ")));
        entries.put("weft.explored.time", statistics.elapsed().toMillis() + "ms");
        entries.put("weft.explored.end", statistics.budgetSpent() ? "time budget spent"
                : statistics.exhaustive() ? "every interleaving within the preemption bound" : "planned executions done");
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

    /** One progress line: {@code StripedMapTest.stripedMap: 12 scenarios, 2400 executions, 1800 distinct interleavings, 4.2s}. */
    public static String progressLine(String testName, ExplorationStatistics soFar) {
        return testName + ": " + soFar.scenarios() + " scenarios, " + soFar.executions() + " executions, "
                + soFar.distinctInterleavings() + " distinct interleavings, "
                + String.format(Locale.ROOT, "%.1fs", soFar.elapsed().toMillis() / 1000.0);
    }
}
