package dev.weft.examples.readwrite;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Which backend serves which host, like {@link BuggyRoutingTable}, but filling a miss by upgrading the
 * read lock to the write lock. <strong>Buggy on purpose</strong>: entry 6 of the catalogue.
 *
 * <p><b>The bug.</b> The first lookup of a new host never returns: the thread blocks forever — even
 * with no other thread around. Every later caller then blocks too.
 *
 * <p><b>Why.</b> {@link ReentrantReadWriteLock} does not support upgrading: the write lock waits until
 * no thread holds the read lock, and the waiting thread holds it itself. (Downgrading — taking the read
 * lock while holding the write lock — is allowed.) Two threads that both try to upgrade would deadlock
 * each other even with a lock that allowed one upgrader.
 *
 * <p><b>The fix.</b> {@link RoutingTable}: release the read lock before taking the write lock, then
 * check again under the write lock.
 *
 * <p>Concurrency contract: lookups of known hosts and {@link #route} are safe; a miss self-deadlocks.
 */
public final class BuggyUpgradingRoutingTable implements Routes {

    private final Function<String, String> assignBackend;
    private final Map<String, String> backendByHost = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A table that assigns a new host its backend with {@code assignBackend}. */
    public BuggyUpgradingRoutingTable(Function<String, String> assignBackend) {
        this.assignBackend = Objects.requireNonNull(assignBackend, "assignBackend");
    }

    /** The backend serving {@code host}; never returns for a new host (see the class comment). */
    public String backendFor(String host) {
        Objects.requireNonNull(host, "host");
        lock.readLock().lock();
        try {
            String backend = backendByHost.get(host);
            if (backend == null) {
                lock.writeLock().lock();
                try {
                    backend = backendByHost.computeIfAbsent(host, assignBackend);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            return backend;
        } finally {
            lock.readLock().unlock();
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
