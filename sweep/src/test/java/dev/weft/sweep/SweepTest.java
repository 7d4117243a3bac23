package dev.weft.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.weft.sweep.projects.BackportSweep;
import dev.weft.sweep.projects.CaffeineSweep;
import dev.weft.sweep.projects.CommonsPoolSweep;
import dev.weft.sweep.projects.GuavaSweep;
import dev.weft.sweep.projects.JctoolsSweep;
import dev.weft.sweep.projects.Log4jSweep;
import dev.weft.sweep.projects.OswegoSweep;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs every project's {@code @ConcurrencyTest}s through the Weft engine, as a user's build would,
 * and checks each verdict against its {@link Verdict}: a failure message that does not start with
 * Weft's verdict line (an internal error), "uncontrolled concurrency" where the analysis does not
 * expect it, or any other verdict than the analysed one fails the sweep. Writes the results table
 * to {@code target/sweep/results.md} and every failure report to {@code target/sweep/reports/}.
 */
class SweepTest {

    /** One seed for the whole sweep, so that a run is repeatable; {@code -Dsweep.seed} changes it. */
    private static final String SEED = System.getProperty("sweep.seed", "20261205");

    private static final List<Class<?>> ALL_PROJECTS = List.of(OswegoSweep.class, BackportSweep.class, Log4jSweep.class,
            GuavaSweep.class, CaffeineSweep.class, JctoolsSweep.class, CommonsPoolSweep.class);

    /** The projects to run: all, or those {@code -Dsweep.projects=JctoolsSweep,CaffeineSweep} names. */
    private static final List<Class<?>> PROJECTS = chosen(System.getProperty("sweep.projects", ""));

    private static List<Class<?>> chosen(String names) {
        if (names.isBlank()) {
            return ALL_PROJECTS;
        }
        List<Class<?>> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            Class<?> project = ALL_PROJECTS.stream().filter(type -> type.getSimpleName().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("sweep.projects names no project: '" + name.trim()
                            + "' (the projects: " + ALL_PROJECTS.stream().map(Class::getSimpleName).toList() + ")"));
            chosen.add(project);
        }
        return chosen;
    }

    record Row(Project project, String test, String form, String verdict, String executions, String time, Verdict expected,
            String problem) {}

    @Test
    void everyVerdictIsTheAnalysedOne() throws IOException {
        Path out = Path.of("target", "sweep");
        Path reports = out.resolve("reports");
        Files.createDirectories(reports);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> projectMillis = new LinkedHashMap<>();
        for (Class<?> type : PROJECTS) {
            long start = System.nanoTime();
            EngineExecutionResults results = EngineTestKit.engine("weft")
                    .selectors(selectClass(type))
                    .configurationParameter("weft.failures.store", "")
                    .configurationParameter("weft.seed", SEED)
                    .configurationParameter("weft.progress.interval", "0")
                    .execute();
            projectMillis.put(type.getSimpleName(), (System.nanoTime() - start) / 1_000_000);
            Map<TestDescriptor, Map<String, String>> entries = new LinkedHashMap<>();
            for (Event event : results.allEvents().reportingEntryPublished().list()) {
                event.getPayload(ReportEntry.class).ifPresent(entry ->
                        entries.computeIfAbsent(event.getTestDescriptor(), d -> new LinkedHashMap<>()).putAll(entry.getKeyValuePairs()));
            }
            for (Event event : results.testEvents().list()) {
                if (event.getType() != EventType.FINISHED) {
                    continue;
                }
                TestDescriptor test = event.getTestDescriptor();
                String methodName = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                        .map(MethodSource::getMethodName).orElse(test.getDisplayName());
                TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
                Optional<String> message = result.getThrowable().map(SweepTest::messageOf);
                message.ifPresent(text -> write(reports.resolve(type.getSimpleName() + "." + methodName + ".txt"), text));
                String verdict = message.map(text -> text.lines().findFirst().orElse("")).orElse("passes");
                Map<String, String> summary = entries.getOrDefault(test, Map.of());
                Verdict expected = verdictOf(type, methodName);
                rows.add(new Row(type.getAnnotation(Project.class), type.getSimpleName() + "." + methodName, formOf(type, methodName), verdict,
                        summary.getOrDefault("weft.explored.executions", "?"), summary.getOrDefault("weft.explored.time", "?"),
                        expected, problem(verdict, message.isPresent(), expected)));
            }
        }
        String table = table(rows, projectMillis);
        write(out.resolve("results.md"), table);
        System.out.println(table);
        assertThat(rows.stream().filter(r -> r.problem() != null).map(r -> r.test() + ": " + r.problem()).toList()).isEmpty();
    }

    private static String messageOf(Throwable error) {
        String message = error.getMessage();
        if (message != null && message.startsWith("Weft: ")) {
            return message;
        }
        java.io.StringWriter text = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return "internal error: " + text;
    }

    private static String formOf(Class<?> type, String methodName) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(methodName)) {
                Class<?> returned = method.getReturnType();
                return returned == void.class ? "imperative" : Map.class.isAssignableFrom(returned) ? "map" : "object";
            }
        }
        return "?";
    }

    private static Verdict verdictOf(Class<?> type, String methodName) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(methodName)) {
                return method.getAnnotation(Verdict.class);
            }
        }
        return null;
    }

    /** Why a verdict is not the analysed one, or {@code null}. */
    private static String problem(String verdict, boolean failed, Verdict expected) {
        if (expected == null) {
            return "no @Verdict, got " + verdict;
        }
        if (expected.value() == Verdict.Kind.OPEN_WEFT_DEFECT) {
            return failed && startsWithAny(verdict, expected.report(), "") ? null
                    : "the open defect no longer shows (" + verdict + "): analyse the new verdict and update @Verdict";
        }
        if (failed && !verdict.startsWith("Weft: ")) {
            return "not a verdict (internal error): " + verdict;
        }
        if (expected.value() == Verdict.Kind.PASSES) {
            return failed ? "expected to pass, got " + verdict : null;
        }
        if (!failed) {
            return "expected " + String.join(" or ", expected.report()) + ", but it passed";
        }
        if (verdict.startsWith("Weft: uncontrolled concurrency") && expected.value() != Verdict.Kind.OUTSIDE_MODEL) {
            return "uncontrolled concurrency where the analysis expects none: " + verdict;
        }
        return startsWithAny(verdict, expected.report(), "Weft: ") ? null
                : "expected " + String.join(" or ", expected.report()) + ", got " + verdict;
    }

    private static boolean startsWithAny(String verdict, String[] prefixes, String lead) {
        for (String prefix : prefixes) {
            if (verdict.startsWith(lead + prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(Verdict verdict) {
        return switch (verdict.value()) {
            case PASSES -> "no bug found" + (verdict.why().isEmpty() ? "" : ": ");
            case REAL_BUG -> "real: ";
            case DOCUMENTED -> "documented behaviour: ";
            case OUTSIDE_MODEL -> "outside Weft's model: ";
            case OPEN_WEFT_DEFECT -> "Weft's defect, open: ";
        };
    }

    /** The table of docs/real-code.md: one row per test, then the wall time per project. */
    private static String table(List<Row> rows, Map<String, Long> projectMillis) {
        StringBuilder text = new StringBuilder();
        text.append("| project (version, released, class files) | what was run | form | executions | time | verdict | analysis |\n");
        text.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Project project = row.project();
            String test = row.test().substring(row.test().indexOf('.') + 1);
            text.append("| ").append(project.name()).append(" (").append(project.artifact()).append(", ")
                    .append(project.released()).append(", ").append(project.classFiles()).append(")")
                    .append(" | `").append(test).append('`')
                    .append(" | ").append(row.form())
                    .append(" | ").append(row.executions())
                    .append(" | ").append(row.time().replace("ms", " ms"))
                    .append(" | ").append(shortVerdict(row.verdict(), row.test()).replace("|", "\\|"))
                    .append(" | ").append(row.expected() == null ? "" : kind(row.expected()) + row.expected().why())
                    .append(row.problem() == null ? "" : " **" + row.problem().replace("|", "\\|") + "**")
                    .append(" |\n");
        }
        text.append("\n| project | wall time (engine start to last verdict, shrinking and reports included) |\n|---|---|\n");
        projectMillis.forEach((name, millis) -> text.append("| ").append(name).append(" | ")
                .append(String.format("%.1f s", millis / 1000.0)).append(" |\n"));
        return text.toString();
    }

    /** The verdict line without {@code "Weft: "} and the test's name; an internal error's first line. */
    private static String shortVerdict(String verdict, String test) {
        String text = verdict.startsWith("Weft: ") ? verdict.substring("Weft: ".length()) : verdict;
        return text.replace(" — " + test + " ", " ");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
