package dev.weft.examples.lockorder;

import java.util.Optional;

/**
 * Jobs by id, each store guarded by its own monitor, with a move from one store to another of the same
 * kind (entry 7 of the catalogue): {@link BuggyJobRegistry} and its fix {@link JobRegistry} both
 * implement it, so that one contract test runs both.
 *
 * @param <S> the kind of store a job moves to
 */
public interface JobStore<S extends JobStore<S>> {

    /** Adds a job; returns {@code false} if the id is already here. */
    boolean add(long jobId, String description);

    /** The description of a job here, or empty. */
    Optional<String> find(long jobId);

    /** The number of jobs here. */
    int size();

    /** Moves a job to {@code target}; returns {@code false} if it is not here. */
    boolean moveTo(S target, long jobId);
}
