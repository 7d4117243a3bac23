package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.fixtures.BoundaryFixtures;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The engine on everyday code at the edges of Weft's control: a lazily initialized static is fresh in
 * every execution (its data race is found; with {@code volatile} or {@code freshStatics = false} the
 * test passes), AssertJ and Hamcrest work inside started threads, and
 * {@code System.exit} in a started thread is a verdict, not the end of the test JVM.
 */
class BoundariesTest {

    private static EngineExecutionResults run(String method, String... config) {
        return EngineRuns.run(BoundaryFixtures.class, method, EngineRuns.with("weft.seed", "7", config));
    }

    private static String failureMessage(EngineExecutionResults results) {
        return EngineRuns.failureMessage(results);
    }

    /** Passed, or fails with the report. */
    private static void assertPassed(EngineExecutionResults results) {
        if (results.testEvents().failed().count() > 0) {
            throw new AssertionError(failureMessage(results));
        }
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void lazyStaticWithoutVolatile_isADataRace() {
        assertThat(failureMessage(run("lazyStaticWithoutVolatile"))).startsWith("Weft: data race on BoundaryFixtures$Settings.values: ");
    }

    @Test
    void lazyStaticWithVolatile_passes() {
        assertPassed(run("lazyStaticWithVolatile"));
    }

    @Test
    void lazyStatic_keptAcrossExecutions_hidesTheRace() {
        assertPassed(run("lazyStaticWithoutVolatile_staticsKept"));
        assertPassed(run("lazyStaticWithoutVolatile", "weft.statics.keep", BoundaryFixtures.class.getName() + "$Settings"));
        assertPassed(run("lazyStaticWithoutVolatile", "weft.statics.keep", "dev.weft.engine.*"));
    }

    @Test
    void testLibraries_inStartedThreads_pass() {
        assertPassed(run("testLibrariesInStartedThreads"));
    }

    @Test
    void systemExit_inAStartedThread_isAVerdict() {
        String report = failureMessage(run("exitInAStartedThread"));
        assertThat(report).startsWith("Weft: thread 1 called System.exit(3) — BoundaryFixtures.exitInAStartedThread")
                .contains("at dev.weft.engine.fixtures.BoundaryFixtures.lambda$exitInAStartedThread$");
    }
}
