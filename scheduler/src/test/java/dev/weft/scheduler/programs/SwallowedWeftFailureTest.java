package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.InjectedFailures;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A program that catches an exception Weft's runtime threw (a defect of Weft's, not the program's)
 * and goes on cannot pass: the execution is reported, naming the failure.
 */
class SwallowedWeftFailureTest {

    @AfterEach
    void noMoreFailures() {
        InjectedFailures.inCurrentTimeMillis(null);
    }

    /** Reads the clock in both threads and carries on whatever happens, as set-up code often does. */
    static Program swallowingProgram(AtomicInteger caught) {
        return () -> {
            Runnable tolerant = () -> {
                try {
                    System.currentTimeMillis();
                } catch (RuntimeException e) {
                    caught.incrementAndGet(); // logged and ignored
                }
            };
            Thread other = new Thread(tolerant);
            other.start();
            tolerant.run();
            other.join();
        };
    }

    @Test
    void programSwallowingWeftsFailure_doesNotPass() {
        AtomicInteger caught = new AtomicInteger();
        InjectedFailures.inCurrentTimeMillis(new IllegalStateException("injected failure of the runtime"));
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(swallowingProgram(caught), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20));
        assertThat(caught.get()).as("the program caught the failure").isPositive();
        Outcome outcome = exploration.failure().orElseThrow(() -> new AssertionError("passed")).outcome();
        assertThat(outcome).isInstanceOf(Outcome.Uncontrolled.class);
        assertThat(outcome.headline()).isEqualTo("uncontrolled concurrency: weft's runtime failed inside the program"
                + " (java.lang.IllegalStateException: injected failure of the runtime, and 1 more); the program may have"
                + " caught it, so this execution cannot pass");
    }

    @Test
    void sameProgram_withoutFailures_passes() {
        AtomicInteger caught = new AtomicInteger();
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(swallowingProgram(caught), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20));
        assertThat(exploration.failure()).isEmpty();
        assertThat(caught.get()).isZero();
    }
}
