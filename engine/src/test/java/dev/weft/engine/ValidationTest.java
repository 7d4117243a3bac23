package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.InvalidDeclarations;
import dev.weft.engine.fixtures.InvalidOperations;
import dev.weft.engine.fixtures.Outer;
import dev.weft.engine.fixtures.WithoutDefaultConstructor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class ValidationTest {

    /** Every invalid declaration with a single problem, and the exact message it gets. */
    private static final Map<String, String> SINGLE_PROBLEMS = Map.ofEntries(
                Map.entry("scenarioAttributesOnVoid", "threads, operations, before, after and scenarios apply to the "
                        + "map and object forms only, was threads = 4, scenarios = 10 on a void method "
                        + "(in @ConcurrencyTest on InvalidDeclarations.scenarioAttributesOnVoid); "
                        + "remove them: the imperative form's code starts its own threads"),
                Map.entry("alsoJupiterTest", "method must not also be a Jupiter @Test, was @Test @ConcurrencyTest "
                        + "(in @ConcurrencyTest on InvalidDeclarations.alsoJupiterTest); "
                        + "remove @Test, or Jupiter runs the method once more without Weft"),
                Map.entry("duplicateKeys", "keys must be distinct, was {1, 1} (in @MapScenario on InvalidDeclarations.duplicateKeys)"),
                Map.entry("firstKeyOnConcurrentMap", "operations must be supported by the returned ConcurrentMap, was FIRST_KEY, which needs a NavigableMap (in @MapScenario on InvalidDeclarations.firstKeyOnConcurrentMap); return a NavigableMap or remove FIRST_KEY"),
                Map.entry("insideInner", "test class must be top-level or static, was the inner class dev.weft.engine.fixtures.Outer$Inner (in @ConcurrencyTest on Outer.Inner.insideInner); declare it static"),
                Map.entry("intReturn", "return type must be void, a Map or the object @Operation methods act on, was int (in @ConcurrencyTest on InvalidDeclarations.intReturn); return void for the imperative form or a fresh Map for the map form"),
                Map.entry("malformedReplay", "replay must be a token printed by a failed run, such as w1.AbCd (letters, digits, - and _ after w<version>.), was \"not a token\" (in @ConcurrencyTest on InvalidDeclarations.malformedReplay); copy the whole token from the replay line of the report"),
                Map.entry("malformedSeed", "seed must be a non-negative decimal number such as 8412331907, was \"12ab\" (in @ConcurrencyTest on InvalidDeclarations.malformedSeed)"),
                Map.entry("malformedTimeBudget", "timeBudget must be a duration such as 30s, 1500ms, 2m or PT30S (0 = no limit), was \"soon\" (in @ConcurrencyTest on InvalidDeclarations.malformedTimeBudget)"),
                Map.entry("mapScenarioOnVoid", "@MapScenario applies to a method that returns a Map, was void (in @MapScenario on InvalidDeclarations.mapScenarioOnVoid); remove it or return a fresh map"),
                Map.entry("needsInstance", "test class must have a constructor without parameters, was WithoutDefaultConstructor(int) (in @ConcurrencyTest on WithoutDefaultConstructor.needsInstance); add one: Weft creates a fresh instance for every execution"),
                Map.entry("objectScenarioOnMap", "@ObjectScenario applies to a method that returns the object its @Operation methods act on, was ConcurrentMap (in @ObjectScenario on InvalidDeclarations.objectScenarioOnMap); remove it, or return the shared object"),
                Map.entry("preemptionBoundWithRandom", "preemptionBound applies to EXHAUSTIVE and PORTFOLIO only, was 2 with strategy = RANDOM (in @ConcurrencyTest on InvalidDeclarations.preemptionBoundWithRandom); remove preemptionBound or use strategy = Strategy.EXHAUSTIVE"),
                Map.entry("privateMethod", "method must not be private (in @ConcurrencyTest on InvalidDeclarations.privateMethod); make it package-private"),
                Map.entry("staticMethod", "method must not be static (in @ConcurrencyTest on InvalidDeclarations.staticMethod); remove static: Weft calls it on a fresh instance of the test class"),
                Map.entry("stringKeys", "map form draws Integer keys and values, was Map<String, String> (in @ConcurrencyTest on InvalidDeclarations.stringKeys); return a Map<Integer, Integer>"),
                Map.entry("stringReturn", "return type must be void, a Map or the object @Operation methods act on, was String, and no @Operation method of InvalidDeclarations takes a String (in @ConcurrencyTest on InvalidDeclarations.stringReturn); declare @Operation methods whose first parameter takes it, or return void or a Map"),
                Map.entry("withParameters", "method must take no parameters, was (int, String) (in @ConcurrencyTest on InvalidDeclarations.withParameters); remove them; vary inputs with @MapScenario or @Operation arguments"),
                Map.entry("zeroThreads", "threads must be at least 1, was 0 (in @ConcurrencyTest on InvalidDeclarations.zeroThreads)"));

    static Stream<Arguments> singleProblems() {
        return SINGLE_PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    private static Class<?> fixtureOf(String method) {
        switch (method) {
            case "insideInner":
                return Outer.Inner.class;
            case "needsInstance":
                return WithoutDefaultConstructor.class;
            default:
                return InvalidDeclarations.class;
        }
    }

    private static DiscoverySelector select(Class<?> testClass, String method) {
        return Stream.of(testClass.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(method))
                .findFirst()
                .map(candidate -> (DiscoverySelector) selectMethod(testClass, candidate))
                .orElseThrow();
    }

    private static List<String> issues(DiscoverySelector selector) {
        return EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing())).selectors(selector).discover()
                .getDiscoveryIssues().stream().map(DiscoveryIssue::message).toList();
    }

    private static String failureMessage(EngineExecutionResults results, String method) {
        Event failed = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(method))
                .findFirst()
                .orElseThrow(() -> new AssertionError(method + " did not fail"));
        return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleProblems")
    void invalidDeclaration_reportedAsIssueAndFailingTest(String method, String message) {
        DiscoverySelector selector = select(fixtureOf(method), method);

        assertThat(issues(selector)).containsExactly(message);
        EngineExecutionResults results = EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(selector).execute();
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1).succeeded(0).skipped(0));
        assertThat(failureMessage(results, method)).isEqualTo(message);
    }

    @Test
    void invalidIssues_carryTheMethodAsSource() {
        DiscoveryIssue issue = EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(select(InvalidDeclarations.class, "zeroThreads")).discover().getDiscoveryIssues().get(0);

        assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
        assertThat(issue.source()).contains(
                org.junit.platform.engine.support.descriptor.MethodSource.from(InvalidDeclarations.class.getName(), "zeroThreads", ""));
    }

    @Test
    void severalProblems_eachReportedAndAllInTheFailure() {
        DiscoverySelector selector = select(InvalidDeclarations.class, "zeroOperations");
        List<String> expected = List.of(
                "operations must be at least 1, was 0 (in @ConcurrencyTest on InvalidDeclarations.zeroOperations)",
                "before must be at least 0, was -1 (in @ConcurrencyTest on InvalidDeclarations.zeroOperations)");

        assertThat(issues(selector)).containsExactlyElementsOf(expected);
        EngineExecutionResults results = EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing()))
                .selectors(selector).execute();
        assertThat(failureMessage(results, "zeroOperations")).isEqualTo(String.join("\n", expected));
    }

    @Test
    void emptyKeysAndValues_bothReported() {
        assertThat(issues(select(InvalidDeclarations.class, "emptyKeysAndValues"))).containsExactly(
                "keys must not be empty, was {} (in @MapScenario on InvalidDeclarations.emptyKeysAndValues)",
                "values must not be empty, was {} (in @MapScenario on InvalidDeclarations.emptyKeysAndValues)");
    }

    @Test
    void configuredSentinelsViolated_reportedWithTheRemedy() {
        assertThat(issues(select(InvalidDeclarations.class, "zeroScenarios"))).containsExactly(
                "scenarios must be at least 1, was 0 (in @ConcurrencyTest on InvalidDeclarations.zeroScenarios); "
                        + "or leave it out to use the configured default",
                "schedules must be at least 1, was -5 (in @ConcurrencyTest on InvalidDeclarations.zeroScenarios); "
                        + "or leave it out to use the configured default");
    }

    @Test
    void objectScenario_unknownOperationAndModel_namesTheKnownOperations() {
        assertThat(issues(select(InvalidOperations.class, "unknownNames"))).containsExactly(
                "operations must name @Operation methods that take a ConcurrentLinkedDeque, was \"pol\" "
                        + "(in @ObjectScenario on InvalidOperations.unknownNames); the operations are offer, poll, push, size",
                "model must name a method of InvalidOperations without parameters, was \"missingModel\" "
                        + "(in @ObjectScenario on InvalidOperations.unknownNames)");
    }

    @Test
    void objectScenario_invalidOperationsAndModel_eachReported() {
        assertThat(issues(select(InvalidOperations.class, "modelNotTaken"))).containsExactly(
                "@Operation method must not be private (in @Operation on InvalidOperations.size); make it package-private",
                "arguments must be empty when the method takes no int, was {3} (in @Operation on InvalidOperations.size); "
                        + "add an int parameter or remove arguments",
                "arguments must not be empty when the method takes an int, was {} (in @Operation on InvalidOperations.offer); "
                        + "list them, such as @Operation(arguments = {1, 2, 3})",
                "model must return an object every operation takes, was ArrayDeque, which poll(ConcurrentLinkedDeque) "
                        + "does not take (in @ObjectScenario on InvalidOperations.modelNotTaken); "
                        + "let the operations take an interface both implement");
    }

    @Test
    void oneBadTest_othersInTheClassStillRun() {
        RecordingExplorer explorer = RecordingExplorer.passing();

        EngineExecutionResults results = EngineTestKit.engine(new WeftTestEngine(explorer))
                .selectors(selectClass(InvalidDeclarations.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(SINGLE_PROBLEMS.size() - 2 + 3 + 1)
                .succeeded(1).failed(SINGLE_PROBLEMS.size() - 2 + 3).skipped(0));
        assertThat(explorer.plans).extracting(plan -> plan.identity().methodName()).containsExactly("valid");
    }

    @Test
    void maxStepsBelowOne_reportedWithTheRemedy() {
        assertThat(issues(select(dev.weft.engine.fixtures.InvalidStepBound.class, "zeroMaxSteps"))).containsExactly(
                "maxSteps must be at least 1, was 0 (in @ConcurrencyTest on InvalidStepBound.zeroMaxSteps); "
                        + "or leave it out to use the configured default");
    }
}
