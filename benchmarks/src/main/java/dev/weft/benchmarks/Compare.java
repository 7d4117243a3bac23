package dev.weft.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weft and Lincheck on the same five map targets, each measurement in a fresh JVM, printed as one
 * table per tool.
 *
 * <p>For a buggy target each tool runs twice: without shrinking (Weft {@code weft.shrink=false},
 * Lincheck {@code minimizeFailedScenario(false)}), which times the first failure and its report, and
 * with it, which times the final report. The passing target runs the whole budget once; its
 * executions per second are executions / wall-clock seconds of the tool's call. Both tools get the
 * same budget: {@code --scenarios} scenarios (Lincheck: iterations) of {@code --schedules}
 * executions each (Lincheck: invocations per iteration). Each cell is the median of {@code --runs}
 * forks (default 1). The passing target also runs at half the scenarios, so that the marginal rate
 * (extra executions / extra seconds) shows the speed of exploring without the fixed cost of
 * attaching the agent and instrumenting the JDK, and {@code --warm-rounds} times in one JVM (default
 * 4), whose median round after the first is the speed once the JIT has compiled the tool. The output of every run is kept under {@code
 * --logs} (default {@code benchmarks/target/compare}).
 */
public final class Compare {

    private enum Tool {
        WEFT("Weft", WeftRun.class, "no-shrink", "shrink"),
        LINCHECK("Lincheck 3.7 (model checking)", LincheckRun.class, "no-minimize", "minimize");

        final String title;
        final Class<?> main;
        final String firstMode;
        final String finalMode;

        Tool(String title, Class<?> main, String firstMode, String finalMode) {
            this.title = title;
            this.main = main;
            this.firstMode = firstMode;
            this.finalMode = finalMode;
        }
    }

    private record Row(Measurement first, Measurement last, Measurement half, Measurement warm, int runs, int failedRuns) {}

    private Compare() {}

    public static void main(String[] args) throws Exception {
        int scenarios = 50;
        int schedules = 200;
        int runs = 1;
        int warmRounds = 4;
        Path logs = Path.of("benchmarks", "target", "compare");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option needs a value, was " + args[i]);
            }
            switch (args[i]) {
                case "--scenarios" -> scenarios = Integer.parseInt(args[i + 1]);
                case "--schedules" -> schedules = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warm-rounds" -> warmRounds = Integer.parseInt(args[i + 1]);
                case "--logs" -> logs = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("options are --scenarios, --schedules, --runs, --warm-rounds, --logs, was " + args[i]);
            }
        }
        if (warmRounds < 2) {
            throw new IllegalArgumentException("--warm-rounds must be at least 2 (the first round warms up), was " + warmRounds);
        }
        Files.createDirectories(logs);
        System.out.printf(Locale.ROOT, "budget: %d scenarios × %d executions per tool and target; "
                        + "3 threads × 3 operations, 2 before, 2 after, keys and values 1..3; median of %d run(s)%n", scenarios, schedules, runs);
        System.out.println(machine());

        Map<Tool, Map<Target, Row>> rows = new EnumMap<>(Tool.class);
        for (Target target : Target.values()) {
            for (Tool tool : Tool.values()) {
                List<Measurement> first = new ArrayList<>();
                List<Measurement> last = new ArrayList<>();
                List<Measurement> half = new ArrayList<>();
                List<Measurement> warm = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    if (target.buggy) {
                        first.add(fork(tool, target, tool.firstMode, scenarios, schedules, "", run, logs));
                    } else {
                        half.add(fork(tool, target, tool.finalMode, scenarios / 2, schedules, "", run, logs));
                        warm.add(fork(tool, target, "warm", scenarios, schedules, Integer.toString(warmRounds), run, logs));
                    }
                    last.add(fork(tool, target, tool.finalMode, scenarios, schedules, "", run, logs));
                }
                int failedRuns = (int) last.stream().filter(Measurement::failed).count();
                warm.sort(java.util.Comparator.comparingDouble(Measurement::executionsPerSecond));
                rows.computeIfAbsent(tool, t -> new EnumMap<>(Target.class))
                        .put(target, new Row(median(first), median(last), median(half),
                                warm.isEmpty() ? null : warm.get(warm.size() / 2), runs, failedRuns));
            }
        }

        System.out.println();
        for (Tool tool : Tool.values()) {
            System.out.println(tool.title);
            System.out.println();
            System.out.println("| target | operations | bug found | s to first failure | s to final report | executions/s (passing target) | marginal executions/s |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Target target : Target.values()) {
                Row row = rows.get(tool).get(target);
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", target.title, target.operations,
                        row.failedRuns == row.runs ? "yes" : row.failedRuns == 0 ? "no" : "in " + row.failedRuns + " of " + row.runs + " runs",
                        row.first == null ? "–" : row.first.failed() ? seconds(row.first) : "none in " + seconds(row.first),
                        row.last.failed() ? seconds(row.last) : "passed in " + seconds(row.last),
                        target.buggy ? "–" : String.format(Locale.ROOT, "%,.0f (%,d in %s)",
                                row.last.executionsPerSecond(), row.last.executions(), seconds(row.last)),
                        row.half == null ? "–" : marginal(row.half, row.last));
            }
            Measurement warmed = rows.get(tool).get(Target.CONCURRENT_HASH_MAP).warm;
            System.out.printf(Locale.ROOT, "warmed up (the passing target %d times in one JVM, median round after the first): "
                    + "%,.0f executions/s (%,d in %.2f s)%n", warmRounds, warmed.executionsPerSecond(), warmed.executions(), warmed.seconds());
            Measurement passing = rows.get(tool).get(Target.CONCURRENT_HASH_MAP).last;
            if (passing.toolSeconds() > 0) {
                System.out.printf(Locale.ROOT, "%s's own clock on the passing target (report entries weft.explored.executions / "
                                + "weft.explored.time, agent attach and discovery excluded): %,.0f executions/s (%,d in %.2f s)%n",
                        tool.title, passing.executions() / passing.toolSeconds(), passing.executions(), passing.toolSeconds());
            }
            System.out.println();
        }

        List<String> disagreements = new ArrayList<>();
        for (Target target : Target.values()) {
            boolean weft = rows.get(Tool.WEFT).get(target).failedRuns > 0;
            boolean lincheck = rows.get(Tool.LINCHECK).get(target).failedRuns > 0;
            if (weft != lincheck) {
                disagreements.add(String.format(Locale.ROOT, "%s: Weft %s, Lincheck %s", target.title,
                        weft ? "found a bug" : "passed", lincheck ? "found a bug" : "passed"));
            }
        }
        Row weftPassing = rows.get(Tool.WEFT).get(Target.CONCURRENT_HASH_MAP);
        Row lincheckPassing = rows.get(Tool.LINCHECK).get(Target.CONCURRENT_HASH_MAP);
        System.out.printf(Locale.ROOT, "Weft / Lincheck on the passing target: %.1fx end to end, %.1fx warmed up%n",
                weftPassing.last.executionsPerSecond() / lincheckPassing.last.executionsPerSecond(),
                weftPassing.warm.executionsPerSecond() / lincheckPassing.warm.executionsPerSecond());
        System.out.println(disagreements.isEmpty() ? "verdicts: the tools agree on every target"
                : "verdicts differ: " + String.join("; ", disagreements));
        System.out.println(machine());
    }

    /** The run with the median wall-clock time (the upper one of the two middle runs), or null. */
    private static Measurement median(List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return null;
        }
        List<Measurement> sorted = new ArrayList<>(measurements);
        sorted.sort(java.util.Comparator.comparingDouble(Measurement::seconds));
        return sorted.get(sorted.size() / 2);
    }

    private static String marginal(Measurement half, Measurement whole) {
        long executions = whole.executions() - half.executions();
        double seconds = whole.seconds() - half.seconds();
        if (executions <= 0 || seconds <= 0) {
            return String.format(Locale.ROOT, "n/a (%,d more executions in %.2f s more)", executions, seconds);
        }
        return String.format(Locale.ROOT, "%,.0f (%,d more in %.2f s more)", executions / seconds, executions, seconds);
    }

    private static String seconds(Measurement measurement) {
        return String.format(Locale.ROOT, "%.2f", measurement.seconds());
    }

    private static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, load average %.2f; java %s", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version());
    }

    private static Measurement fork(Tool tool, Target target, String mode, int scenarios, int schedules, String extra, int run, Path logs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // both tools attach their agent at run time; let them do it without the external helper process
        command.add("-Djdk.attach.allowAttachSelf=true");
        if (Runtime.version().feature() >= 21) {
            command.add("-XX:+EnableDynamicAgentLoading");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(tool.main.getName());
        command.add(target.name());
        command.add(mode);
        command.add(Integer.toString(scenarios));
        command.add(Integer.toString(schedules));
        if (!extra.isEmpty()) {
            command.add(extra);
        }
        Path log = logs.resolve(tool.name().toLowerCase(Locale.ROOT) + "-" + target.name().toLowerCase(Locale.ROOT) + "-" + mode + "-" + scenarios + "x" + schedules + "-run" + run + ".log");
        System.out.printf(Locale.ROOT, "%-8s %-32s %-11s %4dx%d run %d: ", tool.name().toLowerCase(Locale.ROOT), target.title, mode,
                scenarios, schedules, run);
        System.out.flush();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        Measurement result = output.stream().filter(line -> line.startsWith(Measurement.PREFIX))
                .reduce((a, b) -> b).map(Measurement::parse).orElseThrow(() -> new IllegalStateException(
                        "the " + tool.name().toLowerCase(Locale.ROOT) + " run of " + target.name() + " printed no result, exit "
                                + exit + "; see " + log));
        System.out.printf(Locale.ROOT, "%s in %.2f s, %d executions: %s%n", result.failed() ? "failure" : "pass",
                result.seconds(), result.executions(), result.headline());
        return result;
    }
}
