package dev.weft.examples.lockorder;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry of jobs by id — "pending", "running" — each guarded by its own monitor, with a move from
 * one registry to another. <strong>Buggy on purpose</strong>: entry 7 of the catalogue.
 *
 * <p><b>The bug.</b> A scheduler thread moves job 1 from {@code pending} to {@code running} while a
 * worker thread hands job 2 back from {@code running} to {@code pending}: both threads block forever.
 *
 * <p><b>Why.</b> {@link #moveTo} locks the source, then the target. The first thread holds {@code
 * pending} and waits for {@code running}; the second holds {@code running} and waits for {@code
 * pending}: a wait-for cycle, a deadlock. Each registry is correct on its own; the bug is the order in
 * which two of them are locked.
 *
 * <p><b>The fix.</b> {@link JobRegistry}: every registry gets a unique rank at construction and a move
 * locks the lower rank first, whatever the direction — no cycle can form.
 *
 * <p>Concurrency contract: single-registry methods are safe from any thread; two moves in opposite
 * directions may deadlock.
 */
public final class BuggyJobRegistry implements JobStore<BuggyJobRegistry> {

    private final String name;
    private final Map<Long, String> descriptionById = new HashMap<>();

    /** An empty registry called {@code name} (used in messages only). */
    public BuggyJobRegistry(String name) {
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

    /** Moves a job to {@code target}; returns {@code false} if it is not here. */
    public boolean moveTo(BuggyJobRegistry target, long jobId) {
        if (target == this) {
            throw new IllegalArgumentException("cannot move job " + jobId + " from registry " + name + " to itself");
        }
        synchronized (this) {
            synchronized (target) {
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
