package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.engine.fixtures.JdkMapFixtures;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * JDK maps in the map form: with the default operations, {@code ConcurrentHashMap} and
 * {@code ConcurrentSkipListMap} are checked by their documented contracts and pass; a non-atomic
 * operation the test names is checked for atomicity and its failure quotes the contract; maps of the
 * user's are checked strictly and their bugs caught. The default build explores 20 scenarios × 100
 * schedules per JDK map; {@code -Dweft.contracts.scenarios=100 -Dweft.contracts.schedules=200} (the
 * {@code slow} profile) runs the full 100 × 200.
 */
class JdkMapContractTest {

    private static final String SCENARIOS = System.getProperty("weft.contracts.scenarios", "20");
    private static final String SCHEDULES = System.getProperty("weft.contracts.schedules", "100");

    private static EngineExecutionResults run(String method) {
        return EngineTestKit.engine("weft")
                .selectors(selectMethod(JdkMapFixtures.class, method))
                .configurationParameter("weft.failures.store", "")
                .configurationParameter("weft.scenarios.default", SCENARIOS)
                .configurationParameter("weft.schedules.default", SCHEDULES)
                .configurationParameter("weft.timeBudget", "0")
                .execute();
    }

    private static void passes(String method) {
        passesAll(method, Integer.parseInt(SCENARIOS));
    }

    private static void passesAll(String method, int scenarios) {
        EngineExecutionResults results = run(method);
        results.testEvents().failed().stream().findFirst().ifPresent(event -> {
            throw new AssertionError(method + " failed:\n" + message(results));
        });
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        // every scenario explored: a time budget that cut the exploration short would prove little
        String entries = results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().toString())
                .reduce("", String::concat);
        assertThat(entries).contains("weft.explored.scenarios=" + scenarios + ",");
        System.out.println(method + ": " + entries);
    }

    private static String message(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }

    private static String fails(String method) {
        EngineExecutionResults results = run(method);
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = message(results);
        System.out.println(report);
        return report;
    }

    @Test
    void concurrentHashMap_defaultOperations_passByItsDocumentedContract() {
        passes("concurrentHashMap");
    }

    @Test
    void concurrentSkipListMap_defaultOperations_passByItsDocumentedContract() {
        passes("concurrentSkipListMap");
    }

    @Test
    void concurrentSkipListMap_pollFirstEntryRacingAPutBeforeIt_passesByWhatItsCodeDoes() {
        passesAll("concurrentSkipListMapPollingWhileAnotherPuts", 16);
    }

    @Test
    void concurrentHashMap_threeThreads_defaultOperations_pass() {
        passes("concurrentHashMapThreeThreads");
    }

    @Test
    void concurrentSkipListMap_threeThreads_defaultOperations_pass() {
        passes("concurrentSkipListMapThreeThreads");
    }

    @Test
    void concurrentHashMap_sizeNamed_isReportedNotLinearizable_withTheContractLine() {
        String report = fails("concurrentHashMapWithSize");
        assertThat(report).startsWith("Weft: not linearizable — JdkMapFixtures.concurrentHashMapWithSize  (scenario ")
                .contains("\nWhy:\n")
                .contains("\n\nContract:\nConcurrentHashMap documents size() as not atomic: \"Bear in mind that the"
                        + " results of aggregate status methods including size, isEmpty, and containsValue are typically"
                        + " useful only when a map is not undergoing concurrent updates in other threads.\"\n"
                        + "this history fits the documented contract; operations named in @MapScenario are checked for"
                        + " atomicity, the default ones by the contract\n\nInterleaving (");
    }

    @Test
    void concurrentHashMap_putAllNamed_isReportedNotLinearizable_withTheContractLine() {
        String report = fails("concurrentHashMapWithPutAll");
        assertThat(report).contains("\nConcurrentHashMap documents putAll() as not atomic: \"For aggregate"
                + " operations such as putAll and clear, concurrent retrievals may reflect insertion or removal of only some"
                + " entries.\"");
    }

    @Test
    void concurrentSkipListMap_sizeNamed_isReportedNotLinearizable_withWhatItsCodeDoes() {
        String report = fails("concurrentSkipListMapWithSize");
        assertThat(report).contains("\n\nContract:\nConcurrentSkipListMap's Javadoc does not say size() is atomic, and it"
                + " is not: it counts entries in a LongAdder that each insertion and removal updates after changing the map"
                + " (JDK 17 and 25)");
    }

    @Test
    void synchronizedMap_holdsOneLockForEverything_andPassesTheStrictCheck() {
        passes("synchronizedMap");
        passes("synchronizedMapEveryKind");
    }

    @Test
    void userMap_whosePutAllIsNotAtomic_isCaughtWithTheDefaultOperations_withoutAContractLine() {
        String report = fails("entryByEntryMap");
        assertThat(report).startsWith("Weft: not linearizable — JdkMapFixtures.entryByEntryMap  (scenario ")
                .contains("putAll(").doesNotContain("Contract:");
    }

    @Test
    void userMap_stripedWithAStripeByStripeSize_isCaughtWithTheDefaultOperations() {
        assertThat(fails("stripedMap")).startsWith("Weft: not linearizable — JdkMapFixtures.stripedMap  (scenario ")
                .doesNotContain("Contract:");
    }

    @Test
    void userSubclassOfConcurrentHashMap_isCheckedStrictly() {
        assertThat(fails("concurrentHashMapSubclass"))
                .startsWith("Weft: not linearizable — JdkMapFixtures.concurrentHashMapSubclass  (scenario ")
                .contains("\nthis history fits the documented contract of ConcurrentHashMap, which"
                        + " dev.weft.engine.fixtures.JdkMapFixtures$1 extends; a subclass is checked for atomicity, since it"
                        + " may override any method (name the operations to check in @MapScenario to leave these out)\n");
    }
}
