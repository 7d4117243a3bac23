package dev.weft.benchmarks.lincheck;

import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.verifier.LinearizabilityVerifier;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

/**
 * Lincheck's linearizability verifier, counting its calls: Lincheck verifies the results of every
 * invocation it runs, so the count is the number of invocations (the minimization's included).
 * Lincheck reports no such number itself.
 */
public final class CountingVerifier implements Verifier {

    private static final AtomicLong INVOCATIONS = new AtomicLong();

    private final Verifier linearizability;

    public CountingVerifier(Class<?> sequentialSpecification) {
        this.linearizability = new LinearizabilityVerifier(sequentialSpecification);
    }

    public static long invocations() {
        return INVOCATIONS.get();
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
        INVOCATIONS.incrementAndGet();
        return linearizability.verifyResults(scenario, result);
    }
}
