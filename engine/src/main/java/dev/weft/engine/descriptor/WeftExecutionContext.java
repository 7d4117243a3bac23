package dev.weft.engine.descriptor;

import dev.weft.engine.config.InvalidConfigurationException;
import dev.weft.engine.config.WeftConfiguration;
import dev.weft.engine.execution.TestExplorer;
import dev.weft.engine.report.ReportPages;
import dev.weft.engine.store.FailureStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What every node needs while the engine executes: the run's configuration (or why it is invalid), the
 * explorer, the failure store, the listener, and the sources of fresh seeds and time.
 *
 * @param configuration the parsed configuration; the built-in defaults when it was invalid
 * @param configurationProblem why the configuration is invalid; every test fails with it
 * @param explorer runs explorations
 * @param failureStore the failure store, possibly off
 * @param listener the platform's execution listener, for report entries
 * @param freshSeeds draws seeds for tests that set none
 * @param clock stamps stored failures
 * @param reportPages writes the HTML pages of failed tests, possibly off
 * @param cancellation whether the run was cancelled (JUnit Platform 6)
 */
public record WeftExecutionContext(WeftConfiguration configuration,
        Optional<InvalidConfigurationException> configurationProblem, TestExplorer explorer, FailureStore failureStore,
        EngineExecutionListener listener, LongSupplier freshSeeds, Clock clock, ReportPages reportPages,
        Cancellation cancellation)
        implements EngineExecutionContext {
}
