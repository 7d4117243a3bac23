package dev.weft.engine.execution;

import dev.weft.engine.config.TestSettings;
import dev.weft.engine.store.StoredFailure;
import java.util.Optional;

/**
 * Everything an {@link Explorer} needs to run one test, resolved and validated by the engine. Immutable.
 *
 * @param identity which test this is
 * @param program what one execution runs
 * @param settings the resolved settings: strategy, seed, budgets, shard, replay
 * @param storedFailure the failure recorded for this test by the last run, whose token the explorer
 *     replays first; empty when there is none or the store is off
 */
public record TestPlan(TestIdentity identity, TestProgram program, TestSettings settings,
        Optional<StoredFailure> storedFailure) {
}
