package dev.weft.engine.execution;

import java.util.List;

/**
 * Runs one test's exploration: the seam between the engine's discovery, validation, configuration,
 * reports and failure store, and the exploration itself (scheduler, strategies, checker, shrinking,
 * replay). The engine's own is {@link dev.weft.engine.runner.ControlledExplorer}, built directly; its
 * tests give the engine another ({@code new WeftTestEngine(explorer)}).
 *
 * <p>The engine calls {@link #explore} once per test, on the engine's thread, with a validated plan.
 * An implementation must honour the plan's replay request, stored failure, time budget and shard, must
 * never pass a test it could not explore, and reports a failure as {@link ExplorationResult.Failed}
 * (not by throwing). An exception thrown by {@code explore} fails the test with that exception.
 *
 */
public interface TestExplorer {

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
     * place to start the runtime early, given the engine's configuration parameters first (the
     * runtime's own keys, {@code dev.weft.scheduler.runtime.RuntimeSettings}, are read from them).
     * Must not throw: a runtime that cannot start fails the tests when they run, with the reason.
     *
     * @param configuration a key to its value, if set (launcher parameters, system properties,
     *     {@code junit-platform.properties})
     * @return for each runtime key given a value that can no longer take effect (the runtime read it
     *     earlier), a sentence saying so and what to do; empty when everything given takes effect
     */
    default List<String> prepare(java.util.function.Function<String, java.util.Optional<String>> configuration) {
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
