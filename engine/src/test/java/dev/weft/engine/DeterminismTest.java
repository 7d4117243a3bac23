package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.DeterminismFixtures;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * What a user sees when a program does not run the same way twice: the finding's report with one
 * paragraph on the nondeterminism, never an internal error; and a source of it removed (the common pool).
 */
class DeterminismTest {

    private static EngineExecutionResults run(String method, String... config) {
        return EngineRuns.run(DeterminismFixtures.class, method, EngineRuns.with("weft.races", "off", config));
    }

    private static String failureMessage(EngineExecutionResults results) {
        return EngineRuns.failureMessage(results);
    }

    /**
     * The failure store replays a test's last failure first; once the code is fixed that replay no longer
     * runs as recorded, and the stored failure is dropped, not reported as nondeterminism: the fixed test
     * passes (it failed with 'nondeterminism: the replay diverged at step 7').
     */
    @Test
    void storedFailure_thatNoLongerReplays_isDropped_andTheFixedTestPasses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
        java.util.function.Supplier<EngineExecutionResults> run = () -> EngineTestKit.engine("weft")
                .selectors(selectMethod(DeterminismFixtures.class, "fixedAfterItFailed"))
                .configurationParameter("weft.failures.store", store.toString())
                .configurationParameter("weft.races", "off").execute();
        run.get().testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(store.resolve(DeterminismFixtures.class.getName()).resolve("fixedAfterItFailed.failure")).exists();
        System.setProperty("weft.test.fixed", "true");
        try {
            EngineExecutionResults fixed = run.get();
            fixed.testEvents().failed().stream().forEach(event -> System.out.println(failureMessage(fixed)));
            fixed.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        } finally {
            System.clearProperty("weft.test.fixed");
        }
    }

    @Test
    void parallelStream_onTheCommonPool_passes() {
        EngineExecutionResults results = run("parallelSum");
        results.testEvents().failed().stream().forEach(event -> System.out.println(failureMessage(results)));
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void finding_whoseReplayDiverges_isReportedWithTheNondeterminismParagraph() {
        EngineExecutionResults results = run("lostUpdateWithStateFromEarlierExecutions");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: exception in thread 0: java.lang.AssertionError: lost update: 1 — "
                        + "DeterminismFixtures.lostUpdateWithStateFromEarlierExecutions  (execution ")
                .contains("\n\nReplay: weft could not replay this execution: the program did not run the same way twice. "
                        + "Nondeterminism at step ")
                .contains("The likely source is state that outlives an execution")
                .contains("What you can do: make the test start from the same state every time")
                .contains("seed = 6\nreplay: @ConcurrencyTest(replay = \"w1.")
                .doesNotContain("ReplayDivergenceException").doesNotContain("at dev.weft.scheduler").doesNotContain("at dev.weft.engine.runner");

        String again = failureMessage(run("lostUpdateWithStateFromEarlierExecutions", "weft.replay", token(report)));
        System.out.println(again);
        assertThat(again).startsWith("Weft: nondeterminism: the replay diverged at step ")
                .contains("Replay: weft could not replay this execution")
                .doesNotContain("ReplayDivergenceException").doesNotContain("at dev.weft.scheduler").doesNotContain("at dev.weft.engine.runner");
    }

    private static String token(String report) {
        Matcher matcher = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)").matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        return matcher.group(1);
    }
}
