package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.RuntimeFixtures;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine with the real runtime: bugs found and reported, fixes pass, replay tokens reproduce. */
class RuntimeExplorerTest {

    private static EngineExecutionResults run(String method, String... config) {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft")
                .selectors(selectMethod(RuntimeFixtures.class, method))
                .configurationParameter("weft.failures.store", "");
        for (int i = 0; i < config.length; i += 2) {
            builder.configurationParameter(config[i], config[i + 1]);
        }
        return builder.execute();
    }

    private static String failureMessage(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class))
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }

    private static String token(String report) {
        Matcher matcher = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)").matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        return matcher.group(1);
    }

    @Test
    void imperative_hashMapRace_isReported_andItsTokenReplaysTheSameReport() {
        EngineExecutionResults results = run("hashMapSharedBetweenThreads");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: exception in thread 0: java.lang.AssertionError: lost entry: ")
                .contains("RuntimeFixtures.hashMapSharedBetweenThreads  (execution ")
                .contains("Interleaving (")
                .contains("seed = 11\nreplay: @ConcurrencyTest(replay = \"w1.");
        String token = token(report);
        String again = failureMessage(run("hashMapSharedBetweenThreads", "weft.replay", token));
        assertThat(again).isEqualTo(report);
    }

    @Test
    void mapForm_hashMap_isNotLinearizable_shrunkAndReplayed() {
        EngineExecutionResults results = run("hashMap");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: not linearizable — RuntimeFixtures.hashMap  (scenario ")
                .contains("Why:\n").contains("Interleaving (");
        String again = failureMessage(run("hashMap", "weft.replay", token(report)));
        assertThat(again).isEqualTo(report);
    }

    @Test
    void mapForm_concurrentHashMap_withoutSize_passes() {
        run("concurrentHashMap").testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }
}
