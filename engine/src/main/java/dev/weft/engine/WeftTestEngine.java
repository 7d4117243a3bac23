package dev.weft.engine;

import dev.weft.engine.config.InvalidConfigurationException;
import dev.weft.engine.config.WeftConfiguration;
import dev.weft.engine.descriptor.Cancellation;
import dev.weft.engine.descriptor.WeftEngineDescriptor;
import dev.weft.engine.descriptor.WeftExecutionContext;
import dev.weft.engine.discovery.PlatformVersions;
import dev.weft.engine.discovery.WeftDiscovery;
import dev.weft.engine.execution.TestExplorer;
import dev.weft.engine.report.ReportPages;
import dev.weft.engine.runner.ControlledExplorer;
import dev.weft.engine.store.FailureStore;
import java.time.Clock;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The Weft test engine, id {@value #ENGINE_ID}: discovers {@code @ConcurrencyTest} methods, validates
 * them, and runs each through a {@link TestExplorer} on the engine's single thread (the controlled
 * scheduler owns the interleavings; tests do not run in parallel with each other).
 */
public final class WeftTestEngine extends HierarchicalTestEngine<WeftExecutionContext> {

    /** The engine's id, the first segment of every Weft unique id: {@code [engine:weft]}. */
    public static final String ENGINE_ID = "weft";

    /** The explorer; {@code null} until first needed, for the engine as the platform loads it. */
    private TestExplorer explorer;

    /**
     * The engine as the platform loads it: it explores on the controlled runtime ({@link ControlledExplorer}),
     * built when discovery first needs it, so that a runtime that cannot be loaded is reported by discovery
     * rather than keeping the engine from loading.
     */
    public WeftTestEngine() {
    }

    /** An engine with the given explorer, for tests of the engine and of explorers. */
    public WeftTestEngine(TestExplorer explorer) {
        this.explorer = java.util.Objects.requireNonNull(explorer, "explorer");
    }

    private TestExplorer explorer() {
        if (explorer == null) {
            try {
                explorer = new ControlledExplorer();
            } catch (LinkageError e) {
                throw new JUnitException("weft-engine could not load its controlled runtime: " + e
                        + "; weft-engine and weft-scheduler on the test class path must be the same version", e);
            }
        }
        return explorer;
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.weft");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("weft-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        // first, before any API that the class path's Platform may lack or have changed
        Optional<String> mixedVersions = PlatformVersions.problem();
        if (mixedVersions.isPresent()) {
            // logged too: build tools show the launcher's "failed to discover tests" but not its cause
            System.getLogger("dev.weft.engine").log(System.Logger.Level.ERROR, "weft: " + mixedVersions.get());
            throw new JUnitException(mixedVersions.get());
        }
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId);
        WeftEngineDescriptor engine;
        try {
            engine = new WeftEngineDescriptor(uniqueId, WeftConfiguration.parse(request.getConfigurationParameters()),
                    Optional.empty());
        } catch (InvalidConfigurationException e) {
            // Reported once here, and by every test, which fails with it: a warning keeps the
            // launcher from treating it as critical and hiding which tests it affects.
            for (String problem : e.problems()) {
                issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, problem));
            }
            engine = new WeftEngineDescriptor(uniqueId, WeftConfiguration.defaults(), Optional.of(e));
        }
        WeftDiscovery.discover(request, engine, issues);
        if (!engine.getChildren().isEmpty()) {
            // start the runtime now, before other engines' tests load the classes under test: a
            // class loaded before the agent can only be retransformed, which keeps its synchronized
            // methods atomic
            for (String late : explorer().prepare(request.getConfigurationParameters()::get)) {
                issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, late));
            }
        }
        return engine;
    }

    @Override
    protected WeftExecutionContext createExecutionContext(ExecutionRequest request) {
        WeftEngineDescriptor engine = (WeftEngineDescriptor) request.getRootTestDescriptor();
        WeftConfiguration configuration = engine.configuration();
        FailureStore store = configuration.failuresStore().map(FailureStore::in).orElseGet(FailureStore::off);
        SplittableRandom seeds = new SplittableRandom();
        return new WeftExecutionContext(configuration, engine.configurationProblem(), explorer(), store,
                request.getEngineExecutionListener(), seeds::nextLong, Clock.systemUTC(),
                configuration.reportsDirectory().map(ReportPages::in).orElseGet(ReportPages::off),
                Cancellation.of(request));
    }
}
