package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.lockorder.JobStore;

/**
 * Entry 7: moving jobs between two registries in both directions at once finishes. The buggy variant
 * locks the source, then the target (a lock-order deadlock); the fix locks them in one global order.
 *
 * @param <S> the kind of registry
 */
public abstract class JobRegistryContract<S extends JobStore<S>> {

    /** A new, empty registry called {@code name}. */
    protected abstract JobStore<S> newRegistry(String name);

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void movesInBothDirections_finish() throws Exception {
        S left = registry("left");
        S right = registry("right");
        left.add(1, "backup");
        right.add(2, "report");
        runConcurrently(() -> left.moveTo(right, 1), () -> right.moveTo(left, 2));
    }

    // newRegistry returns the interface, so that a subclass's signature names no registry class (its
    // class would load with the test class, perhaps before the agent rewrites it)
    @SuppressWarnings("unchecked")
    private S registry(String name) {
        return (S) newRegistry(name);
    }
}
