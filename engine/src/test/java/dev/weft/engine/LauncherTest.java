package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.weft.engine.fixtures.InvalidDeclarations;
import dev.weft.engine.fixtures.LauncherFixtures;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The engine as build tools see it: loaded by the launcher from its service file, with the launcher's
 * handling of discovery issues. Without a runtime every test fails, and the failures carry method
 * sources: a build that runs Weft tests goes red rather than passing tests it never explored.
 */
class LauncherTest {

    private static TestExecutionSummary run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .filters(includeEngines("weft"))
                .configurationParameter("weft.failures.store", "")
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    @Test
    void serviceLoadedEngine_runsWeftTests_andARedWeftTestIsCounted() {
        TestExecutionSummary summary = run(LauncherFixtures.class);

        assertThat(summary.getTestsFoundCount()).isEqualTo(2);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.getTestIdentifier().getSource()).get().isInstanceOf(MethodSource.class);
            assertThat(failure.getTestIdentifier().getDisplayName()).isEqualTo("unsynchronizedCounter");
            assertThat(failure.getException()).hasMessageStartingWith("Weft: data race on LauncherFixtures$Counter#1.value: ");
        });
    }

    @Test
    void invalidDeclarations_doNotStopTheLauncherFromRunningTheOthers() {
        TestExecutionSummary summary = run(InvalidDeclarations.class);

        assertThat(summary.getTestsFoundCount()).isEqualTo(21);
        assertThat(summary.getTestsFailedCount()).isEqualTo(20);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    }
}
