package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.api.MapOperation;
import dev.weft.api.Strategy;
import dev.weft.engine.config.SeedSource;
import dev.weft.engine.config.TestSettings;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.ImperativeProgram;
import dev.weft.engine.execution.MapProgram;
import dev.weft.engine.execution.ObjectProgram;
import dev.weft.engine.execution.TestPlan;
import dev.weft.engine.fixtures.CounterTests;
import dev.weft.engine.fixtures.ValidTests;
import dev.weft.engine.report.FailureReport;
import dev.weft.engine.scenario.ScenarioShape;
import dev.weft.engine.store.FailureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class ExecutionSeamTest {

    @TempDir
    Path storeDirectory;

    private EngineTestKit.Builder engine(RecordingExplorer explorer) {
        return EngineTestKit.engine(new WeftTestEngine(explorer))
                .configurationParameter("weft.failures.store", storeDirectory.toString())
                .configurationParameter("weft.reports", storeDirectory.resolve("pages").toString());
    }

    private static String failureMessage(EngineExecutionResults results) {
        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @Test
    void mapForm_planCarriesAnnotationSettingsAndScenarioSpec() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        engine(explorer).selectors(selectMethod(ValidTests.class, "concurrentMap")).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        TestPlan plan = explorer.plan("concurrentMap");
        assertThat(plan.identity().uniqueId())
                .isEqualTo("[engine:weft]/[class:dev.weft.engine.fixtures.ValidTests]/[method:concurrentMap()]");
        assertThat(plan.identity().displayName()).isEqualTo("ValidTests.concurrentMap");
        TestSettings settings = plan.settings();
        assertThat(settings.seed()).isEqualTo(42);
        assertThat(settings.seedSource()).isEqualTo(SeedSource.ANNOTATION);
        assertThat(settings.scenarios()).isEqualTo(7);
        assertThat(settings.schedules()).isEqualTo(11);
        assertThat(settings.strategy()).isEqualTo(Strategy.PORTFOLIO);
        assertThat(settings.replay()).isEmpty();
        MapProgram program = (MapProgram) plan.program();
        assertThat(program.shape()).isEqualTo(new ScenarioShape(3, 2, 0, 0));
        assertThat(program.spec().keys()).containsExactly(1, 2);
        assertThat(program.spec().values()).containsExactly(5);
        assertThat(program.spec().operations()).containsExactly(MapOperation.PUT, MapOperation.GET, MapOperation.SIZE);
        assertThat(program.spec().defaultOperations()).as("operations named in @MapScenario").isFalse();
        assertThat(plan.storedFailure()).isEmpty();
    }

    @Test
    void defaults_comeFromConfigurationThenBuiltIn() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        engine(explorer).selectors(selectClass(ValidTests.class))
                .configurationParameter("weft.seed", "99")
                .configurationParameter("weft.schedules.default", "3")
                .configurationParameter("weft.strategy.default", "RANDOM")
                .configurationParameter("weft.shard", "1/2")
                .execute();

        TestSettings plain = explorer.plan("plainMap").settings();
        assertThat(plain.seed()).isEqualTo(99);
        assertThat(plain.seedSource()).isEqualTo(SeedSource.CONFIGURATION);
        assertThat(plain.schedules()).isEqualTo(3);
        assertThat(plain.scenarios()).isEqualTo(50);
        assertThat(plain.strategy()).isEqualTo(Strategy.RANDOM);
        assertThat(plain.timeBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plain.shard()).hasToString("1/2");
        MapProgram program = (MapProgram) explorer.plan("plainMap").program();
        assertThat(program.spec().operations()).as("default operations of a plain Map").containsExactly(
                MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE, MapOperation.CONTAINS_KEY,
                MapOperation.CONTAINS_VALUE, MapOperation.SIZE, MapOperation.IS_EMPTY, MapOperation.CLEAR,
                MapOperation.GET_OR_DEFAULT, MapOperation.PUT_ALL, MapOperation.KEY_SET, MapOperation.VALUES,
                MapOperation.ENTRY_SET);
        assertThat(program.spec().defaultOperations()).isTrue();

        TestSettings navigable = explorer.plan("navigableMap").settings();
        assertThat(navigable.strategy()).isEqualTo(Strategy.EXHAUSTIVE);
        assertThat(navigable.preemptionBound()).isEqualTo(3);
        assertThat(navigable.timeBudget()).isEqualTo(Duration.ofMillis(1500));
        assertThat(((MapProgram) explorer.plan("navigableMap").program()).shape()).isEqualTo(new ScenarioShape(2, 3, 1, 2));
        assertThat(((MapProgram) explorer.plan("navigableMap").program()).spec().operations())
                .as("a ConcurrentNavigableMap gets every operation").containsExactly(MapOperation.values());

        TestSettings imperative = explorer.plan("imperative").settings();
        assertThat(imperative.schedules()).isEqualTo(5);
        assertThat(imperative.replay()).hasValueSatisfying(replay -> {
            assertThat(replay.token()).isEqualTo("w1.AbCd-_9");
            assertThat(replay.fromConfiguration()).isFalse();
        });
        assertThat(explorer.plan("imperative").program()).isInstanceOf(ImperativeProgram.class);
    }

    @Test
    void noSeedAnywhere_freshSeedPublishedInReportEntry() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        EngineExecutionResults results = engine(explorer).selectors(selectMethod(ValidTests.class, "plainMap"))
                .configurationParameter("weft.progress.interval", "1ms").execute();

        TestSettings settings = explorer.plan("plainMap").settings();
        assertThat(settings.seedSource()).isEqualTo(SeedSource.FRESH);
        assertThat(settings.seed()).isNotNegative();
        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
        assertThat(entries.get(0)).containsEntry("weft.seed", settings.seed() + " (fresh)")
                .containsEntry("weft.strategy", "PORTFOLIO").containsEntry("weft.timeBudget", "30s");
        assertThat(entries.get(1)).containsEntry("weft.progress",
                "ValidTests.plainMap: 3 scenarios, 30 executions, 12 distinct interleavings, 0.0s");
        assertThat(entries.get(2)).containsEntry("weft.explored.executions", "30")
                .containsEntry("weft.explored.interleavings", "12").containsEntry("weft.explored.strategies", "RANDOM=30")
                .containsEntry("weft.explored.end", "planned executions done");
    }

    @Test
    void instrumentationNotes_publishedAsAgentNotes_onlyWhenThereAreSome() {
        RecordingExplorer explorer = RecordingExplorer.passing();
        EngineExecutionResults quiet = engine(explorer).selectors(selectMethod(ValidTests.class, "plainMap")).execute();
        explorer.notes = List.of("2 classes were loaded before weft's agent attached", "another note");
        EngineExecutionResults noted = engine(explorer).selectors(selectMethod(ValidTests.class, "plainMap")).execute();

        assertThat(quiet.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entry -> entry.containsKey("weft.agent.notes"))).isEmpty();
        assertThat(noted.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entry -> entry.containsKey("weft.agent.notes")))
                .containsExactly(Map.of("weft.agent.notes", "2 classes were loaded before weft's agent attached | another note"));
    }

    @Test
    void defaultProgressInterval_shortTestPrintsNoProgressLine() {
        EngineExecutionResults results = engine(RecordingExplorer.passing())
                .selectors(selectMethod(ValidTests.class, "plainMap")).execute();

        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(entry -> entry.containsKey("weft.progress"))).isEmpty();
    }

    @Test
    void configuredReplay_appliesAsConfigurationReplay() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        engine(explorer).selectors(selectMethod(ValidTests.class, "plainMap"))
                .configurationParameter("weft.replay", "w1.xyz").execute();

        assertThat(explorer.plan("plainMap").settings().replay()).hasValueSatisfying(replay -> {
            assertThat(replay.token()).isEqualTo("w1.xyz");
            assertThat(replay.fromConfiguration()).isTrue();
        });
    }

    @Test
    void objectForm_planHasOperationsAndModel() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        engine(explorer).selectors(selectClass(CounterTests.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(2));

        ObjectProgram all = (ObjectProgram) explorer.plan("counter").program();
        assertThat(all.spec().operations()).extracting(operation -> operation.name())
                .containsExactlyInAnyOrder("increment", "add", "get");
        assertThat(all.spec().model()).isEmpty();
        ObjectProgram modelled = (ObjectProgram) explorer.plan("counterAgainstModel").program();
        assertThat(modelled.spec().operations()).extracting(operation -> operation.name())
                .containsExactlyInAnyOrder("increment", "get");
        assertThat(modelled.spec().model()).hasValueSatisfying(model -> assertThat(model.getName()).isEqualTo("plainCounter"));
    }

    @Test
    void failedExploration_failsWithReportAndStoresToken() throws Exception {
        FailureReport report = new FailureReport("not linearizable", "ValidTests.plainMap", "scenario 2 of 50, execution 9",
                List.of(new FailureReport.Section("Why", "no sequential order explains size() = 1")), 7,
                Optional.of("w1.Zz"));
        RecordingExplorer explorer = new RecordingExplorer(plan -> new ExplorationResult.Failed(RecordingExplorer.STATISTICS, report));

        EngineExecutionResults results = engine(explorer).selectors(selectMethod(ValidTests.class, "plainMap")).execute();

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Path page = storeDirectory.resolve("pages").resolve("dev.weft.engine.fixtures.ValidTests.plainMap.html");
        assertThat(failureMessage(results)).isEqualTo(report.render() + "\nhtml report: " + page.toAbsolutePath().normalize());
        assertThat(page).content().contains("<title>Weft: not linearizable — ValidTests.plainMap</title>",
                "no sequential order explains size() = 1", "w1.Zz");
        Path entry = storeDirectory.resolve("dev.weft.engine.fixtures.ValidTests").resolve("plainMap.failure");
        assertThat(Files.readAllLines(entry)).startsWith("weft-failure 1",
                "test: [engine:weft]/[class:dev.weft.engine.fixtures.ValidTests]/[method:plainMap()]",
                "replay: w1.Zz", "seed: 7", "verdict: not linearizable");

        RecordingExplorer next = RecordingExplorer.passing();
        engine(next).selectors(selectMethod(ValidTests.class, "plainMap")).execute();
        assertThat(next.plan("plainMap").storedFailure()).hasValueSatisfying(stored ->
                assertThat(stored.replayToken()).isEqualTo("w1.Zz"));
        assertThat(entry).as("a pass forgets the stored failure").doesNotExist();
        assertThat(page).as("and removes the page").doesNotExist();
    }

    @Test
    void storeOff_nothingWritten() {
        FailureReport report = new FailureReport("deadlock", "ValidTests.imperative", "", List.of(), 1, Optional.of("w1.A"));
        RecordingExplorer explorer = new RecordingExplorer(plan -> new ExplorationResult.Failed(RecordingExplorer.STATISTICS, report));

        EngineTestKit.engine(new WeftTestEngine(explorer)).selectors(selectMethod(ValidTests.class, "imperative"))
                .configurationParameter("weft.failures.store", "").execute();

        assertThat(FailureStore.off().entryFile("x", "y")).isEmpty();
        assertThat(storeDirectory).isEmptyDirectory();
    }

    @Test
    void invalidConfiguration_everyTestFailsNamingTheKey() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        EngineExecutionResults results = engine(explorer).selectors(selectClass(ValidTests.class))
                .configurationParameter("weft.shard", "2/2").execute();

        results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
        assertThat(failureMessage(results)).isEqualTo("weft.shard must be i/N with 0 <= i < N, was 2/2");
        assertThat(explorer.plans).isEmpty();
    }

    @Test
    void invalidConfiguration_reportedAsDiscoveryIssue() {
        var issues = EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(selectClass(ValidTests.class))
                .configurationParameter("weft.shard", "2/2").discover().getDiscoveryIssues();

        assertThat(issues).extracting(issue -> issue.message())
                .containsExactly("weft.shard must be i/N with 0 <= i < N, was 2/2");
    }
}
