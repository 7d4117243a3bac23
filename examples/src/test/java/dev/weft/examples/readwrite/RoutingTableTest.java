package dev.weft.examples.readwrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of the three routing tables. */
class RoutingTableTest {

    private final AtomicInteger assignments = new AtomicInteger();

    private String assign(String host) {
        assignments.incrementAndGet();
        return "backend-" + host.length();
    }

    @Test
    void fixed_newHost_isAssignedOnceThenCached() {
        var table = new RoutingTable(this::assign);
        assertThat(table.backendFor("example.org")).isEqualTo("backend-11");
        assertThat(table.backendFor("example.org")).isEqualTo("backend-11");
        assertThat(assignments).hasValue(1);

        table.route("example.org", "backend-eu");
        assertThat(table.backendFor("example.org")).isEqualTo("backend-eu");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void buggy_newHost_isAssignedOnceThenCachedOnOneThread() {
        var table = new BuggyRoutingTable(this::assign);
        assertThat(table.backendFor("example.org")).isEqualTo("backend-11");
        assertThat(table.backendFor("example.org")).isEqualTo("backend-11");
        assertThat(assignments).hasValue(1);

        table.route("example.org", "backend-eu");
        assertThat(table.backendFor("example.org")).isEqualTo("backend-eu");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void upgrading_knownHost_isServedUnderTheReadLock() {
        var table = new BuggyUpgradingRoutingTable(this::assign);
        table.route("example.org", "backend-eu");
        assertThat(table.backendFor("example.org")).isEqualTo("backend-eu");
        assertThat(table.size()).isEqualTo(1);
        assertThat(assignments).hasValue(0);
    }

    @Test
    void upgrading_newHost_blocksItsOwnThreadForever() throws InterruptedException {
        var table = new BuggyUpgradingRoutingTable(this::assign);
        var started = new CountDownLatch(1);
        // Daemon: ReentrantReadWriteLock.lock() cannot be interrupted, so the thread stays blocked until the JVM exits.
        Thread resolver = new Thread(() -> {
            started.countDown();
            table.backendFor("example.org");
        }, "upgrading-resolver");
        resolver.setDaemon(true);
        resolver.start();

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        resolver.join(300);
        assertThat(resolver.isAlive()).isTrue();
        assertThat(resolver.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(assignments).hasValue(0);
    }
}
