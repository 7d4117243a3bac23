package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.examples.caught.CatalogueBugs;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every buggy entry of the catalogue is caught: its {@code @ConcurrencyTest} fails with the expected
 * kind of report — with the race and misuse detectors on (the default), a shared {@code HashMap} is
 * reported at the first overlapping access, before any wrong result. The fixed entries run in the normal suite ({@link CatalogueFixesTest}) and pass.
 */
class CatalogueCaughtTest {

    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of("sessionRegistry_concurrentOpens_keepEverySession", "concurrent modification of HashMap#1: thread 1 in put, thread 2 in put"),
                Arguments.of("sessionMap", "concurrent modification of HashMap#1: thread "),
                Arguments.of("counterStore_concurrentIncrements_countEveryOne", "exception in thread 0: java.lang.AssertionError: lost an increment"),
                Arguments.of("counterStore_concurrentRegistrations_haveOneWinner", "exception in thread 0: java.lang.AssertionError: both threads registered"),
                Arguments.of("rateLimiter_concurrentRequests_admitNoMoreThanTheAllowance", "exception in thread 0: java.lang.AssertionError: admitted 2 requests"),
                Arguments.of("activeUsers_listedWhileTouched_noException", "concurrent modification of HashMap#1: thread 1 in "),
                Arguments.of("synchronizedActiveUsers_listedWhileTouched_noException", "concurrent modification of HashMap#1: thread 1 in "),
                Arguments.of("priceCache_readDuringRefresh_seesAPrice", "exception in thread 0: java.lang.AssertionError: a read during refresh found no price"),
                Arguments.of("stripedMap", "not linearizable"),
                Arguments.of("routingTable_concurrentNewHosts_keepEveryRoute", "data race on HashMap#1.table: "),
                Arguments.of("upgradingRoutingTable_newHost_getsABackend", "deadlock: "),
                Arguments.of("jobRegistries_movesInBothDirections_finish", "deadlock: thread 1 waits for the monitor of BuggyJobRegistry"),
                Arguments.of("resultBoard_twoWaiters_bothGetTheirResult", "deadlock: "),
                Arguments.of("unlockedCheckResultBoard_waiter_getsItsResult", "deadlock: "),
                Arguments.of("lazySettings_concurrentFirstReads_seeTheSettings", "data race on BuggyLazySettings#1.settings: "),
                Arguments.of("permissionResolver_deepHierarchy_resolves", "deadlock: thread 1 waits for the monitor of ConcurrentHashMap$ReservationNode"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void buggyEntry_isCaught_withTheExpectedReport(String method, String verdict) {
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(CatalogueBugs.class, method))
                .configurationParameter("weft.failures.store", "")
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String report = results.testEvents().failed().stream().findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
        System.out.println(report + "\n");
        assertThat(report).startsWith("Weft: " + verdict).contains("replay: @ConcurrencyTest(replay = \"w1.");
    }
}
