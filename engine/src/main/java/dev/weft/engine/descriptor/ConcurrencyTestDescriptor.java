package dev.weft.engine.descriptor;

import dev.weft.engine.config.InvalidConfigurationException;
import dev.weft.engine.config.TestSettings;
import dev.weft.engine.discovery.ValidatedTest;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.TestIdentity;
import dev.weft.engine.execution.TestPlan;
import dev.weft.engine.report.FailureReport;
import dev.weft.engine.store.FailureStore;
import dev.weft.engine.store.StoredFailure;
import dev.weft.scheduler.replay.ReplayToken;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

/**
 * One {@code @ConcurrencyTest} method: a test with a {@link MethodSource}. Executing it resolves the
 * test's settings, builds its {@link TestPlan}, hands the plan to the {@link dev.weft.engine.execution.TestExplorer}
 * and turns the result into a pass or a failure with the report. An invalid declaration or configuration
 * fails the test with its problems: never a silent skip.
 */
public final class ConcurrencyTestDescriptor extends AbstractTestDescriptor implements Node<WeftExecutionContext> {

    /** The segment type of a method in a unique id: {@code [method:stripedMap()]}. */
    public static final String SEGMENT_TYPE = "method";

    private final Class<?> testClass;
    private final Method method;
    private final ValidatedTest validated;

    /** The descriptor of a test method of the given class, under the class's descriptor. */
    public ConcurrencyTestDescriptor(UniqueId parentId, Class<?> testClass, Method method, ValidatedTest validated) {
        super(parentId.append(SEGMENT_TYPE, segmentValue(method)), method.getName(),
                MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
        this.validated = validated;
    }

    /** The method's unique-id segment value: its name and parameter types, {@code stripedMap()}. */
    public static String segmentValue(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The outcome of validating the declaration. */
    public ValidatedTest validated() {
        return validated;
    }

    /** Which test this is, for plans, reports and the failure store. */
    public TestIdentity identity() {
        return new TestIdentity(getUniqueId().toString(), testClass.getName(), method.getName());
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    private static final System.Logger NOTES = System.getLogger("dev.weft.engine");

    @Override
    public WeftExecutionContext execute(WeftExecutionContext context, DynamicTestExecutor dynamicTestExecutor)
            throws Exception {
        if (context.configurationProblem().isPresent()) {
            throw new InvalidConfigurationException(context.configurationProblem().get().problems());
        }
        if (validated instanceof ValidatedTest.Invalid invalid) {
            throw new InvalidDeclarationException(invalid.problems());
        }
        ValidatedTest.Valid valid = (ValidatedTest.Valid) validated;
        TestIdentity identity = identity();
        TestSettings settings = TestSettings.resolve(valid.annotation(), valid.seed(), valid.timeBudget(),
                context.configuration(), context.freshSeeds());
        settings.replay().filter(request -> !request.fromConfiguration())
                .ifPresent(request -> requireOwnToken(request.token(), identity));
        FailureStore store = context.failureStore();
        Optional<StoredFailure> stored = store.load(identity.uniqueId(), identity.className(), identity.methodName());
        TestPlan plan = new TestPlan(identity, valid.program(), settings, stored);
        context.listener().reportingEntryPublished(this, ReportEntry.from(ExplorationSummary.plan(settings)));

        ExplorationResult result = context.explorer().explore(plan, new ProgressReporter(this, identity.displayName(),
                context.listener(), context.clock(), settings.progressInterval(), context.cancellation()));

        // a run cancelled while this test explored stops it as a spent time budget would
        boolean cancelled = result instanceof ExplorationResult.Passed && result.statistics().budgetSpent()
                && context.cancellation().requested();
        String end = ExplorationSummary.end(result, cancelled);
        Map<String, String> explored = ExplorationSummary.statistics(result.statistics(), end);
        context.listener().reportingEntryPublished(this, ReportEntry.from(explored));
        for (String note : result.statistics().notes()) {
            // build tools that do not show report entries (Surefire) still show the log
            NOTES.log(System.Logger.Level.INFO, "weft: {0}: {1}", identity.displayName(), note);
        }
        List<String> notes = context.explorer().instrumentationNotes();
        if (!notes.isEmpty()) {
            context.listener().reportingEntryPublished(this, ReportEntry.from("weft.agent.notes", String.join(" | ", notes)));
        }
        if (context.configuration().summaryOnStandardOutput()) {
            // Surefire and Failsafe drop report entries from their XML reports but keep what a test
            // prints, as the test case's system-out, which CI servers show beside the result
            System.out.println(ExplorationSummary.summaryLine(identity.displayName(), settings, result.statistics(), end));
        }
        if (cancelled) {
            throw new TestAbortedException("weft: test run cancelled while exploring; " + ExplorationSummary.coverage(
                    result.statistics()) + " explored without a failure, the rest not explored");
        }
        if (result instanceof ExplorationResult.Failed failed) {
            FailureReport report = failed.report();
            report.replayToken().ifPresent(token -> store.save(
                    new StoredFailure(identity.uniqueId(), token, report.seed(), report.verdict(), context.clock().instant()),
                    identity.className(), identity.methodName()));
            Optional<String> page = context.reportPages().write(identity.className(), identity.methodName(), report);
            throw new ConcurrencyTestFailure(report.render() + page.map(path -> "\n" + HTML_LINE + path).orElse(""));
        }
        store.remove(identity.className(), identity.methodName());
        context.reportPages().remove(identity.className(), identity.methodName());
        return context;
    }

    /** The start of the failure message's last line, the path of the failure's HTML page. */
    public static final String HTML_LINE = "html report: ";

    /**
     * A token in this test's own {@code replay} attribute must have been recorded for this test: one
     * pasted into the wrong test fails with the names of both (the token stores only a hash of its
     * test's id, looked up among the tests of this run and of this class).
     */
    private void requireOwnToken(String text, TestIdentity identity) {
        ReplayToken token;
        try {
            token = ReplayToken.parse(text);
        } catch (IllegalArgumentException malformed) {
            return; // the explorer reports it with the reason
        }
        int mine = ReplayToken.testHash(identity.uniqueId());
        if (token.testHash() == mine) {
            return;
        }
        Optional<String> owner = testWithHash(token.testHash());
        throw new IllegalArgumentException(owner
                .map(name -> "the replay token in @ConcurrencyTest(replay = …) of " + identity.displayName()
                        + " was recorded for " + name + ": a token replays only the test it was recorded for;"
                        + " move it to " + name + " or remove it")
                .orElseGet(() -> String.format("the replay token in @ConcurrencyTest(replay = …) of %s was recorded"
                        + " for another test, none of this run's tests nor of %s (the token's test id hashes to %08x,"
                        + " this test's to %08x): a token replays only the test it was recorded for;"
                        + " move it to the test whose report printed it, or remove it",
                        identity.displayName(), TestIdentity.shortClassName(identity.className()), token.testHash(), mine)));
    }

    private Optional<String> testWithHash(int hash) {
        TestDescriptor root = this;
        while (root.getParent().isPresent()) {
            root = root.getParent().get();
        }
        List<TestDescriptor> all = new ArrayList<>(root.getDescendants());
        for (TestDescriptor descriptor : all) {
            if (descriptor instanceof ConcurrencyTestDescriptor test
                    && ReplayToken.testHash(test.getUniqueId().toString()) == hash) {
                return Optional.of(test.identity().displayName());
            }
        }
        UniqueId classId = getUniqueId().removeLastSegment();
        for (Method other : testClass.getDeclaredMethods()) {
            if (other.isAnnotationPresent(dev.weft.api.ConcurrencyTest.class)
                    && ReplayToken.testHash(classId.append(SEGMENT_TYPE, segmentValue(other)).toString()) == hash) {
                return Optional.of(TestIdentity.shortClassName(testClass.getName()) + "." + other.getName());
            }
        }
        return Optional.empty();
    }
}
