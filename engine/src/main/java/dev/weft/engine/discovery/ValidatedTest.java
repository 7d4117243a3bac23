package dev.weft.engine.discovery;

import dev.weft.api.ConcurrencyTest;
import dev.weft.engine.execution.TestProgram;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The outcome of validating one {@code @ConcurrencyTest} method: a runnable declaration, or its problems. */
public sealed interface ValidatedTest {

    /**
     * A valid declaration, with the attributes that needed parsing already parsed.
     *
     * @param annotation the method's annotation
     * @param program what one execution runs
     * @param seed the {@code seed} attribute, if set
     * @param timeBudget the {@code timeBudget} attribute, if set
     */
    record Valid(ConcurrencyTest annotation, TestProgram program, OptionalLong seed, Optional<Duration> timeBudget)
            implements ValidatedTest {
    }

    /**
     * An invalid declaration.
     *
     * @param problems each problem, naming the method, the bad value and the fix
     */
    record Invalid(List<String> problems) implements ValidatedTest {

        /** Copies the problems and checks there is at least one. */
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid declaration needs at least one problem");
            }
        }
    }
}
