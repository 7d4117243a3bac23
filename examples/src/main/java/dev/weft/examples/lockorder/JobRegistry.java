package dev.weft.examples.lockorder;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A registry of jobs by id, each guarded by its own monitor, with an atomic move from one registry to
 * another: the fix of {@link BuggyJobRegistry} (entry 7 of the catalogue).
 *
 * <p>Each registry draws a unique {@code rank} when it is created. {@link #moveTo} locks the registry of
 * lower rank first, whatever the direction of the move, so all threads acquire registry locks in one
 * global order and no wait-for cycle can form. Ranks come from a counter rather than {@link
 * System#identityHashCode}, which can tie and would then need a tie-breaking lock.
 *
 * <p>Concurrency contract: safe for any number of threads; every method is linearizable and a move is
 * atomic — no thread sees the job in both registries or in neither. Limits: a move holds two monitors;
 * code that locks a registry itself (synchronizes on it) must follow the same rank order.
 */
public final class JobRegistry implements JobStore<JobRegistry> {

    private static final AtomicLong NEXT_RANK = new AtomicLong();

    private final String name;
    private final long rank = NEXT_RANK.getAndIncrement();
    private final Map<Long, String> descriptionById = new HashMap<>();

    /** An empty registry called {@code name} (used in messages only). */
    public JobRegistry(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds a job; returns {@code false} if the id is already here. */
    public synchronized boolean add(long jobId, String description) {
        return descriptionById.putIfAbsent(jobId, Objects.requireNonNull(description, "description")) == null;
    }

    /** The description of a job here, or empty. */
    public synchronized Optional<String> find(long jobId) {
        return Optional.ofNullable(descriptionById.get(jobId));
    }

    /** The number of jobs here. */
    public synchronized int size() {
        return descriptionById.size();
    }

    /** Moves a job to {@code target} atomically; returns {@code false} if it is not here. */
    public boolean moveTo(JobRegistry target, long jobId) {
        if (target == this) {
            throw new IllegalArgumentException("cannot move job " + jobId + " from registry " + name + " to itself");
        }
        JobRegistry first = rank < target.rank ? this : target;
        JobRegistry second = first == this ? target : this;
        synchronized (first) {
            synchronized (second) {
                String description = descriptionById.remove(jobId);
                if (description == null) {
                    return false;
                }
                target.descriptionById.put(jobId, description);
                return true;
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
