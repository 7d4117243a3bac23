package dev.weft.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * One forked measurement of Weft: runs one method of {@link WeftTargets} through {@code
 * EngineTestKit} and prints a {@link Measurement} line. Arguments: target name, {@code shrink},
 * {@code no-shrink} or {@code warm}, scenarios, schedules, and for {@code warm} the number of rounds:
 * the test runs that many times in this JVM (without shrinking) and the line gives the median round
 * after the first, the speed once the JIT has compiled the tool.
 */
public final class WeftRun {

    private WeftRun() {}

    public static void main(String[] args) {
        Target target = Target.valueOf(args[0]);
        int scenarios = Integer.parseInt(args[2]);
        int schedules = Integer.parseInt(args[3]);
        if (args[1].equals("warm")) {
            System.out.println(Measurement.warm(Integer.parseInt(args[4]), () -> run(target, false, scenarios, schedules)).line());
            return;
        }
        boolean shrink = switch (args[1]) {
            case "shrink" -> true;
            case "no-shrink" -> false;
            default -> throw new IllegalArgumentException("mode must be shrink, no-shrink or warm, was " + args[1]);
        };
        System.out.println(run(target, shrink, scenarios, schedules).line());
    }

    private static Measurement run(Target target, boolean shrink, int scenarios, int schedules) {
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(WeftTargets.class, target.weftMethod))
                .configurationParameter("weft.scenarios.default", Integer.toString(scenarios))
                .configurationParameter("weft.schedules.default", Integer.toString(schedules))
                .configurationParameter("weft.shrink", Boolean.toString(shrink))
                // far above any run, not "0" (none): with "0" the engine hands each scenario the time left
                // before Long.MAX_VALUE, the scheduler adds that to a later nanoTime, the sum overflows and
                // the exploration ends at once with "time budget spent"
                .configurationParameter("weft.timeBudget", "1h")
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.progress.interval", "0")
                .execute();
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, String> entries = new HashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        if (results.testEvents().started().count() != 1) {
            throw new IllegalStateException("expected one test of " + target.weftMethod + " to run, was "
                    + results.testEvents().started().count());
        }
        String report = results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse(null);
        System.out.println("report entries: " + entries);
        if (report != null) {
            System.out.println(report);
        }
        long executions = Long.parseLong(entries.getOrDefault("weft.explored.executions", "-1").replaceAll("[^0-9-].*", ""));
        String headline = report == null ? "passed: " + entries.get("weft.explored.end") : report.lines().findFirst().orElse("");
        double exploredSeconds = seconds(entries.getOrDefault("weft.explored.time", "-1s"));
        return new Measurement(report != null, seconds, executions, exploredSeconds, headline);
    }

    /** A duration as the engine prints it: {@code 1809ms}, {@code 12s}, {@code 2m}. */
    private static double seconds(String duration) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(-?[0-9.]+)(ms|s|m|h)").matcher(duration);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("weft.explored.time must be a duration such as 1809ms, was " + duration);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> value / 1000;
            case "s" -> value;
            case "m" -> value * 60;
            default -> value * 3600;
        };
    }
}
