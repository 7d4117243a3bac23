package dev.weft.engine.scenario;

/**
 * How many operations a scenario has and where: {@code before} run sequentially first, then {@code
 * threads} threads of {@code operationsPerThread} operations in parallel, then {@code after}
 * sequentially.
 *
 * @param threads parallel threads, at least 1
 * @param operationsPerThread operations per parallel thread, at least 1
 * @param before sequential operations before the parallel part, at least 0
 * @param after sequential operations after the parallel part, at least 0
 */
public record ScenarioShape(int threads, int operationsPerThread, int before, int after) {

    /** Checks the bounds. */
    public ScenarioShape {
        if (threads < 1 || operationsPerThread < 1 || before < 0 || after < 0) {
            throw new IllegalArgumentException("invalid scenario shape " + threads + " threads x "
                    + operationsPerThread + " operations, before " + before + ", after " + after);
        }
    }
}
