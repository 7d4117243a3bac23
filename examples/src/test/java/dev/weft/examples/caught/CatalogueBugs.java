package dev.weft.examples.caught;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.examples.awaitkey.BuggyResultBoard;
import dev.weft.examples.awaitkey.BuggyUnlockedCheckResultBoard;
import dev.weft.examples.cacherefresh.BuggyPriceCache;
import dev.weft.examples.cacherefresh.InMemoryPriceSource;
import dev.weft.examples.counters.BuggyCounterStore;
import dev.weft.examples.counters.BuggyRateLimiter;
import dev.weft.examples.iteration.BuggyActiveUsers;
import dev.weft.examples.iteration.BuggySynchronizedActiveUsers;
import dev.weft.examples.lockorder.BuggyJobRegistry;
import dev.weft.examples.publication.BuggyLazySettings;
import dev.weft.examples.readwrite.BuggyRoutingTable;
import dev.weft.examples.recursiveupdate.BuggyPermissionResolver;
import dev.weft.examples.RoleChains;
import dev.weft.examples.readwrite.BuggyUpgradingRoutingTable;
import dev.weft.examples.sessions.BuggySessionRegistry;
import dev.weft.examples.striped.BuggyStripedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Each buggy catalogue entry, caught. Expected reports: see CatalogueCaughtTest. */
public class CatalogueBugs {

    // 1. A plain HashMap shared between threads loses entries.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void sessionRegistry_concurrentOpens_keepEverySession() throws Exception {
        BuggySessionRegistry sessions = new BuggySessionRegistry();
        runConcurrently(() -> sessions.open("s1", "ann"), () -> sessions.open("s2", "bob"));
        check(sessions.size() == 2 && sessions.userOf("s1").isPresent() && sessions.userOf("s2").isPresent(),
                "lost a session: size = " + sessions.size());
    }

    // 1b. The same plain HashMap in the map form: Weft generates the calls and checks linearizability (the
    // misuse detector reports it first; with -Dweft.races=off the report shows the lost size increment).
    @ConcurrencyTest(threads = 2, operations = 2, scenarios = 50, schedules = 200, seed = "1")
    @MapScenario(keys = {1, 2}, values = {1, 2}, operations = {MapOperation.PUT, MapOperation.GET})
    Map<Integer, Integer> sessionMap() {
        return new HashMap<>();
    }

    // 2a. get-then-put on a counter loses increments.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void counterStore_concurrentIncrements_countEveryOne() throws Exception {
        BuggyCounterStore counters = new BuggyCounterStore();
        counters.register("hits");
        runConcurrently(() -> counters.increment("hits"), () -> counters.increment("hits"));
        check(counters.count("hits") == 2, "lost an increment: count = " + counters.count("hits"));
    }

    // 2b. containsKey-then-put lets two threads both register a name.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void counterStore_concurrentRegistrations_haveOneWinner() throws Exception {
        BuggyCounterStore counters = new BuggyCounterStore();
        AtomicInteger winners = new AtomicInteger();
        runConcurrently(() -> {
            if (counters.register("hits")) {
                winners.incrementAndGet();
            }
        }, () -> {
            if (counters.register("hits")) {
                winners.incrementAndGet();
            }
        });
        check(winners.get() == 1, "both threads registered the counter: winners = " + winners.get());
    }

    // 2c. A rate limiter that reads, checks and writes back admits more than its allowance.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void rateLimiter_concurrentRequests_admitNoMoreThanTheAllowance() throws Exception {
        BuggyRateLimiter limiter = new BuggyRateLimiter(1);
        AtomicInteger admitted = new AtomicInteger();
        runConcurrently(() -> {
            if (limiter.tryAcquire("c")) {
                admitted.incrementAndGet();
            }
        }, () -> {
            if (limiter.tryAcquire("c")) {
                admitted.incrementAndGet();
            }
        });
        check(admitted.get() == 1, "admitted " + admitted.get() + " requests with an allowance of 1");
    }

    // 3a. Iterating a HashMap while another thread adds to it.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void activeUsers_listedWhileTouched_noException() throws Exception {
        BuggyActiveUsers users = new BuggyActiveUsers();
        users.touch("ann", 10);
        users.touch("bob", 10);
        runConcurrently(() -> users.activeSince(0), () -> users.touch("cid", 20));
    }

    // 3b. Iterating a synchronizedMap without holding its lock.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void synchronizedActiveUsers_listedWhileTouched_noException() throws Exception {
        BuggySynchronizedActiveUsers users = new BuggySynchronizedActiveUsers();
        users.touch("ann", 10);
        users.touch("bob", 10);
        runConcurrently(() -> users.activeSince(0), () -> users.touch("cid", 20));
    }

    // 4. A refresh that clears then refills serves empty reads.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void priceCache_readDuringRefresh_seesAPrice() throws Exception {
        BuggyPriceCache cache = new BuggyPriceCache(new InMemoryPriceSource(Map.of("tea", 250L)));
        Optional<?>[] seen = new Optional<?>[1];
        runConcurrently(cache::refresh, () -> seen[0] = cache.priceOf("tea"));
        check(seen[0].isPresent(), "a read during refresh found no price for tea");
    }

    // 5. A striped map whose size() and clear() lock one stripe at a time.
    @ConcurrencyTest(threads = 2, operations = 3, scenarios = 100, schedules = 300, seed = "1")
    @MapScenario(keys = {0, 1, 2, 3}, values = {1, 2},
            operations = {MapOperation.PUT, MapOperation.REMOVE, MapOperation.SIZE, MapOperation.CLEAR})
    ConcurrentMap<Integer, Integer> stripedMap() {
        return new BuggyStripedMap<>(4);
    }

    // 6a. Writing under the read lock of a ReentrantReadWriteLock.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void routingTable_concurrentNewHosts_keepEveryRoute() throws Exception {
        BuggyRoutingTable table = new BuggyRoutingTable(host -> "backend-" + host);
        runConcurrently(() -> table.backendFor("a"), () -> table.backendFor("b"));
        check(table.size() == 2, "lost a route: size = " + table.size());
    }

    // 6b. Upgrading a read lock to a write lock deadlocks the thread with itself.
    @ConcurrencyTest(schedules = 100, seed = "1")
    void upgradingRoutingTable_newHost_getsABackend() throws Exception {
        BuggyUpgradingRoutingTable table = new BuggyUpgradingRoutingTable(host -> "backend-" + host);
        runConcurrently(() -> table.backendFor("a"));
    }

    // 7. Moving entries between two registries in both directions: lock-order deadlock.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void jobRegistries_movesInBothDirections_finish() throws Exception {
        BuggyJobRegistry left = new BuggyJobRegistry("left");
        BuggyJobRegistry right = new BuggyJobRegistry("right");
        left.add(1, "backup");
        right.add(2, "report");
        runConcurrently(() -> left.moveTo(right, 1), () -> right.moveTo(left, 2));
    }

    // 8a. notify() wakes one waiter, maybe the wrong one: the other waits forever.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void resultBoard_twoWaiters_bothGetTheirResult() throws Exception {
        BuggyResultBoard board = new BuggyResultBoard();
        runConcurrently(() -> board.await("a"), () -> board.await("b"), () -> {
            board.publish("b", "2");
            board.publish("a", "1");
        });
    }

    // 8b. Checking the condition outside the lock: the notification comes before the wait.
    @ConcurrencyTest(schedules = 2_000, seed = "1")
    void unlockedCheckResultBoard_waiter_getsItsResult() throws Exception {
        BuggyUnlockedCheckResultBoard board = new BuggyUnlockedCheckResultBoard();
        runConcurrently(() -> board.await("a"), () -> board.publish("a", "1"));
    }

    // 9. computeIfAbsent whose mapping function updates the same ConcurrentHashMap.
    @ConcurrencyTest(schedules = 200, seed = "1")
    void permissionResolver_deepHierarchy_resolves() throws Exception {
        BuggyPermissionResolver resolver = new BuggyPermissionResolver(RoleChains.chain(40));
        runConcurrently(() -> resolver.effectivePermissions("role-0"), () -> resolver.effectivePermissions("role-20"));
    }

    // 10. Double-checked locking without volatile: no interleaving gives a wrong result, but the
    // unlocked read of the field races with the write that publishes the map.
    @ConcurrencyTest(schedules = 500, seed = "1")
    void lazySettings_concurrentFirstReads_seeTheSettings() throws Exception {
        BuggyLazySettings settings = new BuggyLazySettings(() -> Map.of("region", "eu"));
        String[] seen = new String[2];
        runConcurrently(() -> seen[0] = settings.get("region"), () -> seen[1] = settings.get("region"));
        check("eu".equals(seen[0]) && "eu".equals(seen[1]), "a reader missed the settings");
    }
}
