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
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One {@code @ConcurrencyTest} method: a test with a {@link MethodSource}. Executing it resolves the
 * test's settings, builds its {@link TestPlan}, hands the plan to the {@link dev.weft.engine.execution.Explorer}
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
        FailureStore store = context.failureStore();
        Optional<StoredFailure> stored = store.load(identity.uniqueId(), identity.className(), identity.methodName());
        TestPlan plan = new TestPlan(identity, valid.program(), settings, stored);
        context.listener().reportingEntryPublished(this, ReportEntry.from(ExplorationSummary.plan(settings)));

        ExplorationResult result = context.explorer().explore(plan, new ProgressReporter(this, identity.displayName(),
                context.listener(), context.clock(), settings.progressInterval()));

        context.listener().reportingEntryPublished(this, ReportEntry.from(ExplorationSummary.statistics(result.statistics())));
        for (String note : result.statistics().notes()) {
            // build tools that do not show report entries (Surefire) still show the log
            NOTES.log(System.Logger.Level.INFO, "weft: {0}: {1}", identity.displayName(), note);
        }
        List<String> notes = context.explorer().instrumentationNotes();
        if (!notes.isEmpty()) {
            context.listener().reportingEntryPublished(this, ReportEntry.from("weft.agent.notes", String.join(" | ", notes)));
        }
        if (result instanceof ExplorationResult.Failed failed) {
            FailureReport report = failed.report();
            report.replayToken().ifPresent(token -> store.save(
                    new StoredFailure(identity.uniqueId(), token, report.seed(), report.verdict(), context.clock().instant()),
                    identity.className(), identity.methodName()));
            throw new ConcurrencyTestFailure(report.render());
        }
        store.remove(identity.className(), identity.methodName());
        return context;
    }
}
