package dev.weft.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.weft.examples.caught.BuggyActiveUsersTest;
import dev.weft.examples.caught.BuggyCounterStoreTest;
import dev.weft.examples.caught.BuggyJobRegistryTest;
import dev.weft.examples.caught.BuggyLazySettingsTest;
import dev.weft.examples.caught.BuggyPermissionResolverTest;
import dev.weft.examples.caught.BuggyPriceCacheTest;
import dev.weft.examples.caught.BuggyRateLimiterTest;
import dev.weft.examples.caught.BuggyResultBoardTest;
import dev.weft.examples.caught.BuggyRoutingTableTest;
import dev.weft.examples.caught.BuggySessionRegistryTest;
import dev.weft.examples.caught.BuggyStripedMapTest;
import dev.weft.examples.caught.BuggySynchronizedActiveUsersTest;
import dev.weft.examples.caught.BuggyUnlockedCheckResultBoardTest;
import dev.weft.examples.caught.BuggyUpgradingRoutingTableTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every buggy entry of the catalogue is caught: under its entry's contract
 * ({@code dev.weft.examples.catalogue}), the test that its bug breaks fails with the expected kind of
 * report — with the race and misuse detectors on (the default), a shared {@code HashMap} is reported at
 * the first overlapping access, before any wrong result. The fixed entries run the same contracts in the
 * normal suite and pass.
 */
class CatalogueCaughtTest {

    static Stream<Arguments> bugs() {
        return Stream.of(
                Arguments.of(BuggySessionRegistryTest.class, "concurrentOpens_keepEverySession",
                        "concurrent modification of HashMap#1: thread 1 in put, thread 2 in put"),
                Arguments.of(BuggySessionRegistryTest.class, "sessionMap", "concurrent modification of HashMap#1: thread "),
                Arguments.of(BuggyCounterStoreTest.class, "concurrentIncrements_countEveryOne",
                        "exception in thread 0: java.lang.AssertionError: lost an increment"),
                Arguments.of(BuggyCounterStoreTest.class, "concurrentRegistrations_haveOneWinner",
                        "exception in thread 0: java.lang.AssertionError: both threads registered"),
                Arguments.of(BuggyRateLimiterTest.class, "concurrentRequests_admitNoMoreThanTheAllowance",
                        "exception in thread 0: java.lang.AssertionError: admitted 2 requests"),
                Arguments.of(BuggyActiveUsersTest.class, "listedWhileTouched_noException",
                        "concurrent modification of HashMap#1: thread 1 in "),
                Arguments.of(BuggySynchronizedActiveUsersTest.class, "listedWhileTouched_noException",
                        "concurrent modification of HashMap#1: thread 1 in "),
                Arguments.of(BuggyPriceCacheTest.class, "readDuringRefresh_seesAPrice",
                        "exception in thread 0: java.lang.AssertionError: a read during refresh found no price"),
                Arguments.of(BuggyStripedMapTest.class, "stripedMap", "not linearizable"),
                Arguments.of(BuggyRoutingTableTest.class, "concurrentNewHosts_keepEveryRoute", "data race on HashMap#1.table: "),
                Arguments.of(BuggyUpgradingRoutingTableTest.class, "newHost_getsABackend", "deadlock: "),
                Arguments.of(BuggyJobRegistryTest.class, "movesInBothDirections_finish",
                        "deadlock: thread 1 waits for the monitor of BuggyJobRegistry"),
                Arguments.of(BuggyResultBoardTest.class, "twoWaiters_bothGetTheirResult", "deadlock: "),
                Arguments.of(BuggyUnlockedCheckResultBoardTest.class, "waiter_getsItsResult", "deadlock: "),
                Arguments.of(BuggyLazySettingsTest.class, "concurrentFirstReads_seeTheSettings",
                        "data race on BuggyLazySettings#1.settings: "),
                Arguments.of(BuggyPermissionResolverTest.class, "deepHierarchy_resolves",
                        "deadlock: thread 1 waits for the monitor of ConcurrentHashMap$ReservationNode"));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("bugs")
    void buggyEntry_isCaught_withTheExpectedReport(Class<?> test, String method, String verdict) {
        EngineExecutionResults results = EngineTestKit.engine("weft")
                .selectors(selectMethod(test, method))
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
