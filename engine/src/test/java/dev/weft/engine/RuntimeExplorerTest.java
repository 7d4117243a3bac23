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
        return EngineRuns.run(RuntimeFixtures.class, method, config);
    }

    private static String failureMessage(EngineExecutionResults results) {
        return EngineRuns.failureMessage(results);
    }

    private static String token(String report) {
        Matcher matcher = Pattern.compile("-Dweft\\.replay=(w1\\.[A-Za-z0-9_-]+)").matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        return matcher.group(1);
    }

    @Test
    void imperative_hashMapRace_isReported_andItsTokenReplaysTheSameReport() {
        // with the race detectors off, the wrong result itself is what fails
        EngineExecutionResults results = run("hashMapSharedBetweenThreads", "weft.races", "off");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: exception in thread 0: java.lang.AssertionError: lost entry: ")
                .contains("RuntimeFixtures.hashMapSharedBetweenThreads  (execution ")
                .contains("Interleaving (")
                .contains("seed = 11\nreplay: @ConcurrencyTest(replay = \"w1.");
        String token = token(report);
        String again = failureMessage(run("hashMapSharedBetweenThreads", "weft.races", "off", "weft.replay", token));
        assertThat(again).isEqualTo(report);
    }

    @Test
    void mapForm_hashMap_isNotLinearizable_shrunkAndReplayed() {
        EngineExecutionResults results = run("hashMap", "weft.races", "off");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: not linearizable — RuntimeFixtures.hashMap  (scenario ")
                .contains("Why:\n").contains("Interleaving (");
        String again = failureMessage(run("hashMap", "weft.races", "off", "weft.replay", token(report)));
        assertThat(again).isEqualTo(report);
    }

    @Test
    void mapForm_concurrentHashMap_withoutSize_passes() {
        run("concurrentHashMap").testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static String timedFailure(String method) {
        long start = System.nanoTime();
        EngineExecutionResults results = run(method);
        long millis = (System.nanoTime() - start) / 1_000_000;
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(method + " reported in " + millis + " ms:\n" + report);
        return report;
    }

    @Test
    void mapForm_stripedMapWithStripeByStripeSize_isNotLinearizable() {
        assertThat(timedFailure("stripedMap")).startsWith("Weft: not linearizable — RuntimeFixtures.stripedMap  (scenario ");
    }

    @Test
    void mapForm_stripedMapLockingAllStripes_passes() {
        run("stripedMapLockingAllStripes").testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void mapForm_checkThenActPutIfAbsent_isNotLinearizable() {
        assertThat(timedFailure("checkThenActMap")).startsWith("Weft: not linearizable — RuntimeFixtures.checkThenActMap  (scenario ");
    }

    @Test
    void mapForm_concurrentHashMapWithSize_isNotLinearizable() {
        assertThat(timedFailure("concurrentHashMapWithSize")).startsWith("Weft: not linearizable");
    }

    @Test
    void replayToken_reproducesTheIdenticalReport_tenTimesInARow() {
        String report = failureMessage(run("checkThenActMap"));
        String token = token(report);
        for (int i = 0; i < 10; i++) {
            assertThat(failureMessage(run("checkThenActMap", "weft.replay", token))).as("replay %d", i + 1).isEqualTo(report);
        }
    }

    @Test
    void replayToken_forAnotherTest_isIgnoredByTheRest() {
        String token = token(failureMessage(run("checkThenActMap")));
        run("concurrentHashMap", "weft.replay", token).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void malformedReplayToken_failsWithTheReason() {
        EngineExecutionResults results = run("hashMapSharedBetweenThreads", "weft.replay", "w1.AAAA");
        assertThat(failureMessage(results)).startsWith("the replay token of RuntimeFixtures.hashMapSharedBetweenThreads is unusable: ");
    }

    @Test
    void timeBudget_endsALongExplorationCleanly() {
        long start = System.nanoTime();
        EngineExecutionResults results = run("longExploration");
        long millis = (System.nanoTime() - start) / 1_000_000;
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(millis).as("a 300 ms budget").isLessThan(20_000);
        assertThat(reportEntries(results)).anySatisfy(entry -> assertThat(entry).contains("time budget"));
    }

    private static java.util.List<String> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow())
                .map(entry -> entry.getKeyValuePairs().toString()).toList();
    }

    @Test
    void shards_splitTheScenarios_andTogetherCoverTheWholeExploration() {
        String all = String.join(" ", reportEntries(run("concurrentHashMap")));
        String first = String.join(" ", reportEntries(run("concurrentHashMap", "weft.shard", "0/2")));
        String second = String.join(" ", reportEntries(run("concurrentHashMap", "weft.shard", "1/2")));
        assertThat(number(first, "explored.scenarios") + number(second, "explored.scenarios")).isEqualTo(number(all, "explored.scenarios"));
        assertThat(number(first, "explored.executions") + number(second, "explored.executions")).isEqualTo(number(all, "explored.executions"));
        assertThat(number(first, "explored.scenarios")).isEqualTo(15);
    }

    private static long number(String entries, String key) {
        Matcher matcher = Pattern.compile("weft\\." + key + "=([0-9]+)").matcher(entries);
        assertThat(matcher.find()).as("%s in %s", key, entries).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static EngineExecutionResults runObject(String method, String... config) {
        EngineTestKit.Builder builder = EngineTestKit.engine("weft")
                .selectors(selectMethod(dev.weft.engine.fixtures.ObjectFixtures.class, method))
                .configurationParameter("weft.failures.store", "");
        for (int i = 0; i < config.length; i += 2) {
            builder.configurationParameter(config[i], config[i + 1]);
        }
        return builder.execute();
    }

    @Test
    void objectForm_racyCounter_isNotLinearizable_andItsTokenReplays() {
        EngineExecutionResults results = runObject("racyCounter", "weft.races", "off");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).startsWith("Weft: not linearizable — ObjectFixtures.racyCounter  (scenario ")
                .contains("increment(): 1");
        assertThat(failureMessage(runObject("racyCounter", "weft.races", "off", "weft.replay", token(report)))).isEqualTo(report);
    }

    @Test
    void objectForm_atomicCounter_passes() {
        runObject("atomicCounter").testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void mapForm_hashMap_byDefault_isReportedAtTheFirstConcurrentModification() {
        assertThat(failureMessage(run("hashMap"))).startsWith(
                "Weft: concurrent modification of HashMap#1: thread 1 in put, thread 2 in put — HashMap is not thread-safe");
    }

    @Test
    void objectForm_racyCounter_byDefault_isReportedAsADataRace() {
        assertThat(failureMessage(runObject("racyCounter"))).startsWith("Weft: data race on ObjectFixtures$RacyCounter#1.value: ");
    }

    @Test
    void racesFail_reportsTheRaceAtTheAccess_andItsTokenReplaysIt() {
        EngineExecutionResults results = run("hashMapSharedBetweenThreads", "weft.races", "fail");
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = failureMessage(results);
        System.out.println(report);
        assertThat(report).matches("(?s)Weft: (data race on HashMap#1\\.table|concurrent modification of HashMap#1).*");
        assertThat(failureMessage(run("hashMapSharedBetweenThreads", "weft.races", "fail", "weft.replay", token(report))))
                .isEqualTo(report);
    }

    @Test
    void failureStore_aFailedTestReplaysItsFailureFirst(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store) {
        EngineExecutionResults first = EngineTestKit.engine("weft")
                .selectors(selectMethod(RuntimeFixtures.class, "checkThenActMap"))
                .configurationParameter("weft.failures.store", store.toString())
                .execute();
        String report = failureMessage(first);
        EngineExecutionResults second = EngineTestKit.engine("weft")
                .selectors(selectMethod(RuntimeFixtures.class, "checkThenActMap"))
                .configurationParameter("weft.failures.store", store.toString())
                .execute();
        // the same report at once: the stored token was replayed, nothing explored
        assertThat(failureMessage(second)).isEqualTo(report);
        assertThat(number(String.join(" ", reportEntries(second)), "explored.executions")).isEqualTo(1);
    }

    @Test
    void suppressedRace_isNotReported_soTheWrongResultIs() {
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(dev.weft.engine.fixtures.LauncherFixtures.class, "unsynchronizedCounter"))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.races.suppress", "dev.weft.engine.fixtures.LauncherFixtures$Counter.value")
                .execute();
        assertThat(failureMessage(results)).startsWith("Weft: exception in thread 0: java.lang.AssertionError: lost update");
    }

    @Test
    void benignRace_failsUnlessSuppressed_andTheSummaryCountsIt() {
        assertThat(failureMessage(run("benignHitCounter"))).startsWith("Weft: data race on RuntimeFixtures$HitCounter#1.hits: ");
        EngineExecutionResults suppressed = run("benignHitCounterSuppressed");
        suppressed.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(String.join(" ", reportEntries(suppressed))).contains("weft.races.suppressed=RuntimeFixtures$HitCounter.hits=");
    }

    @Test
    void warnMode_passes_andTheSummaryListsTheRace() {
        EngineExecutionResults results = run("benignHitCounter", "weft.races", "warn");
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(String.join(" ", reportEntries(results))).contains("weft.races.warnings=data race on RuntimeFixtures$HitCounter#1.hits");
    }

    @Test
    void suppression_byClass_andByPackage() {
        run("benignHitCounter", "weft.races.suppress", "dev.weft.engine.fixtures.RuntimeFixtures$HitCounter")
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        run("benignHitCounter", "weft.races.suppress", "dev.weft.engine.*")
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        run("benignHitCounter", "weft.races.suppress", "dev.weft.other.*")
                .testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    }
}
