package dev.weft.examples.readwrite;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Which backend serves which host, assigned on first use and cached in a {@link HashMap} guarded by a
 * {@link ReentrantReadWriteLock}: the fix of {@link BuggyRoutingTable} and {@link
 * BuggyUpgradingRoutingTable} (entry 6 of the catalogue).
 *
 * <p>The discipline: reads under the read lock, every write under the write lock, and never ask for
 * the write lock while holding the read lock. A miss releases the read lock, takes the write lock and
 * checks again, because another thread may have assigned the host in the gap; {@code assignBackend}
 * therefore runs at most once per host.
 *
 * <p>Concurrency contract: safe for any number of threads; every method is linearizable. Limits: {@code
 * assignBackend} runs under the write lock, so it must be quick and must not call back into this table;
 * a read-write lock pays off only when reads dominate and take a while — for short map operations a
 * {@link java.util.concurrent.ConcurrentHashMap} with {@code computeIfAbsent} is simpler and faster
 * (see "Cost of each fix" in {@code docs/benchmarks.md}).
 */
public final class RoutingTable implements Routes {

    private final Function<String, String> assignBackend;
    private final Map<String, String> backendByHost = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A table that assigns a new host its backend with {@code assignBackend}. */
    public RoutingTable(Function<String, String> assignBackend) {
        this.assignBackend = Objects.requireNonNull(assignBackend, "assignBackend");
    }

    /** The backend serving {@code host}, assigned now if the host is new. */
    public String backendFor(String host) {
        Objects.requireNonNull(host, "host");
        lock.readLock().lock();
        try {
            String backend = backendByHost.get(host);
            if (backend != null) {
                return backend;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            return backendByHost.computeIfAbsent(host, assignBackend);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Routes {@code host} to {@code backend}, replacing any earlier route. */
    public void route(String host, String backend) {
        lock.writeLock().lock();
        try {
            backendByHost.put(Objects.requireNonNull(host, "host"), Objects.requireNonNull(backend, "backend"));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of routed hosts. */
    public int size() {
        lock.readLock().lock();
        try {
            return backendByHost.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
