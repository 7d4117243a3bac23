package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.weft.engine.execution.ExplorationListener;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.ExplorationStatistics;
import dev.weft.engine.execution.TestPlan;
import dev.weft.engine.fixtures.CounterTests;
import dev.weft.engine.fixtures.LongExplorations;
import dev.weft.engine.fixtures.RuntimeFixtures;
import dev.weft.engine.fixtures.ValidTests;
import dev.weft.engine.runner.ControlledExplorer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan.Visitor;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** What build tools and CI servers see of a Weft test: its class's name, its summary, a stop from outside. */
class BuildToolFitTest {

    @Test
    void classNodes_reportTheBinaryClassName_asJupiterDoes() {
        org.junit.platform.launcher.TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder
                .request().selectors(selectClass(CounterTests.class), selectClass(LongExplorations.Nested.class))
                .filters(includeEngines("weft")).build());
        List<String> classes = new java.util.ArrayList<>();
        plan.accept(new Visitor() {
            @Override
            public void visit(TestIdentifier identifier) {
                if (identifier.isContainer() && identifier.getSource().isPresent()) {
                    classes.add(identifier.getDisplayName() + " -> " + identifier.getLegacyReportingName());
                }
            }
        });
        assertThat(classes).containsExactlyInAnyOrder(
                "CounterTests -> dev.weft.engine.fixtures.CounterTests",
                "LongExplorations.Nested -> dev.weft.engine.fixtures.LongExplorations$Nested");
    }

    @Test
    void everyTest_printsOneSummaryLine_forRunnersThatDropReportEntries() {
        String out = standardOutputOf(() -> EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(selectMethod(ValidTests.class, "plainMap"))
                .configurationParameter("weft.seed", "42").configurationParameter("weft.failures.store", "").execute());

        assertThat(out).isEqualTo("weft: ValidTests.plainMap — seed 42 (configuration), strategy PORTFOLIO, 3 scenarios,"
                + " 30 executions (RANDOM=30), 12 distinct interleavings, 25ms, end: planned executions done"
                + System.lineSeparator());
    }

    @Test
    void summaryLine_canBeTurnedOff() {
        String out = standardOutputOf(() -> EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(selectMethod(ValidTests.class, "plainMap"))
                .configurationParameter("weft.summary.stdout", "false").configurationParameter("weft.failures.store", "")
                .execute());

        assertThat(out).isEmpty();
    }

    @Test
    void summaryOfAFailedTest_endsWithFailureFound() {
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(RuntimeFixtures.class, "hashMapSharedBetweenThreads"))
                .configurationParameter("weft.failures.store", "").configurationParameter("weft.summary.stdout", "false")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(explored(results)).containsEntry("weft.explored.end", "failure found");
    }

    @Test
    void portfolio_reportsItsRealStrategyMix() {
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(RuntimeFixtures.class, "benignHitCounterSuppressed"))
                .configurationParameter("weft.failures.store", "").configurationParameter("weft.summary.stdout", "false")
                .execute();

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        Map<String, String> explored = explored(results);
        // the portfolio's members: a random walk, PCT of three depths and POS, one per execution
        assertThat(explored.get("weft.explored.strategies")).matches("RANDOM=\\d+, PCT=\\d+, POS=\\d+");
        long sum = java.util.Arrays.stream(explored.get("weft.explored.strategies").split(", "))
                .mapToLong(entry -> Long.parseLong(entry.substring(entry.indexOf('=') + 1))).sum();
        assertThat(sum).isEqualTo(Long.parseLong(explored.get("weft.explored.executions")));
    }

    @Test
    void aStopRequest_endsARunningImperativeExploration_keepingWhatItExplored() throws Exception {
        ExplorationResult result = new ControlledExplorer().explore(plan("atomicIncrements"), stopAfter(50));

        assertThat(result).isInstanceOf(ExplorationResult.Passed.class);
        ExplorationStatistics statistics = result.statistics();
        assertThat(statistics.budgetSpent()).isTrue();
        assertThat(statistics.executions()).isBetween(45L, 60L); // of 1,000,000 planned
    }

    @Test
    void aStopRequest_endsARunningMapExploration_betweenScenariosOrExecutions() throws Exception {
        ExplorationResult result = new ControlledExplorer().explore(plan("concurrentHashMap"), stopAfter(250));

        assertThat(result).isInstanceOf(ExplorationResult.Passed.class);
        assertThat(result.statistics().budgetSpent()).isTrue();
        assertThat(result.statistics().scenarios()).isLessThan(10); // of 100,000 planned
    }

    /** A listener whose stop request comes true on its {@code calls}-th question. */
    private static ExplorationListener stopAfter(int calls) {
        AtomicInteger asked = new AtomicInteger();
        return new ExplorationListener() {
            @Override
            public void progress(ExplorationStatistics soFar) {
            }

            @Override
            public boolean stopRequested() {
                return asked.incrementAndGet() >= calls;
            }
        };
    }

    private static TestPlan plan(String method) {
        RecordingExplorer recording = RecordingExplorer.passing();
        EngineTestKit.engine(new WeftTestEngine(recording)).selectors(selectMethod(LongExplorations.class, method))
                .configurationParameter("weft.failures.store", "").configurationParameter("weft.summary.stdout", "false")
                .execute();
        return recording.plan(method);
    }

    private static Map<String, String> explored(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entries -> entries.containsKey("weft.explored.end"))
                .findFirst().orElseThrow();
    }

    private static String standardOutputOf(Supplier<?> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
