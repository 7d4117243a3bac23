package dev.weft.engine.execution;

import java.util.List;

/**
 * Runs one test's exploration under the controlled runtime: the seam between the engine (discovery,
 * validation, configuration, reports, the failure store) and the runtime (scheduler, strategies,
 * checker, shrinking, replay).
 *
 * <p>The engine calls {@link #explore} once per test, on the engine's thread, with a validated plan.
 * An implementation must honour the plan's replay request, stored failure, time budget and shard, must
 * never pass a test it could not explore, and reports a failure as {@link ExplorationResult.Failed}
 * (not by throwing). An exception thrown by {@code explore} fails the test with that exception.
 *
 * <p>The engine finds its explorer with {@link java.util.ServiceLoader}; without one on the class path
 * every test fails with {@code weft runtime not available: …}.
 */
public interface Explorer {

    /**
     * Explores one test.
     *
     * @param plan the test's program and settings
     * @param listener receives progress
     * @return the outcome, with statistics
     * @throws Exception if the exploration could not be carried out; the test fails with it
     */
    ExplorationResult explore(TestPlan plan, ExplorationListener listener) throws Exception;

    /**
     * Called once at discovery when there is a test to run, before any test of any engine runs: the
     * place to start the runtime early. Must not throw: a runtime that cannot start fails the tests
     * when they run, with the reason.
     */
    default void prepare() {
    }

    /**
     * As {@link #prepare()}, giving the runtime the engine's configuration parameters first (the
     * runtime's own keys, {@code dev.weft.scheduler.runtime.RuntimeSettings}, are read from them).
     * Must not throw.
     *
     * @param configuration a key to its value, if set (launcher parameters, system properties,
     *     {@code junit-platform.properties})
     * @return for each runtime key given a value that can no longer take effect (the runtime read it
     *     earlier), a sentence saying so and what to do; empty when everything given takes effect
     */
    default List<String> prepare(java.util.function.Function<String, java.util.Optional<String>> configuration) {
        prepare();
        return List.of();
    }

    /**
     * Notes on how faithfully the runtime could instrument the code under test, for the test's report
     * entries ({@code weft.agent.notes}); empty when there is nothing to say.
     */
    default List<String> instrumentationNotes() {
        return List.of();
    }
}
