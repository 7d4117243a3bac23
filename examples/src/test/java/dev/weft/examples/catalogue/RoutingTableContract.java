package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.readwrite.Routes;
import java.util.function.Function;

/**
 * Entry 6: a routing table under a read-write lock keeps every route and serves a new host. One buggy
 * variant writes under the read lock (a data race); the other upgrades the read lock to the write lock
 * (it waits for itself); the fix releases the read lock before taking the write lock, and checks again.
 */
public abstract class RoutingTableContract {

    /** A new table that assigns a new host its backend with {@code assignBackend}. */
    protected abstract Routes newTable(Function<String, String> assignBackend);

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void concurrentNewHosts_keepEveryRoute() throws Exception {
        Routes table = newTable(host -> "backend-" + host);
        runConcurrently(() -> table.backendFor("a"), () -> table.backendFor("b"));
        check(table.size() == 2, "lost a route: size = " + table.size());
    }

    @ConcurrencyTest(schedules = 100, seed = "1")
    void newHost_getsABackend() throws Exception {
        Routes table = newTable(host -> "backend-" + host);
        runConcurrently(() -> table.backendFor("a"));
    }
}
