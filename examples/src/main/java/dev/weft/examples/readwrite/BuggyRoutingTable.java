package dev.weft.examples.readwrite;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Which backend serves which host, assigned on first use and cached in a {@link HashMap} guarded by a
 * {@link ReentrantReadWriteLock}. <strong>Buggy on purpose</strong>: entry 6 of the catalogue.
 *
 * <p><b>The bug.</b> Two threads that resolve new hosts at the same time can corrupt the map: a route
 * is lost, or assigned twice with different backends, and {@link #size()} is off.
 *
 * <p><b>Why.</b> {@link #backendFor} fills a cache miss while holding only the <em>read</em> lock. The
 * read lock is shared: any number of threads hold it together, so two of them run {@code
 * HashMap.put} at once — the same race as a plain shared {@code HashMap} (entry 1). "Read" and "write"
 * in the lock's name are a promise the caller keeps, not something the lock checks.
 *
 * <p><b>The fix.</b> {@link RoutingTable}: on a miss, release the read lock, take the write lock,
 * check again (another thread may have filled the entry in between), then write.
 *
 * <p>Concurrency contract: {@link #route} and lookups of known hosts are safe; a miss is not.
 */
public final class BuggyRoutingTable implements Routes {

    private final Function<String, String> assignBackend;
    private final Map<String, String> backendByHost = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** A table that assigns a new host its backend with {@code assignBackend}. */
    public BuggyRoutingTable(Function<String, String> assignBackend) {
        this.assignBackend = Objects.requireNonNull(assignBackend, "assignBackend");
    }

    /** The backend serving {@code host}, assigned now if the host is new. */
    public String backendFor(String host) {
        Objects.requireNonNull(host, "host");
        lock.readLock().lock();
        try {
            String backend = backendByHost.get(host);
            if (backend == null) {
                backend = assignBackend.apply(host);
                backendByHost.put(host, backend);
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
