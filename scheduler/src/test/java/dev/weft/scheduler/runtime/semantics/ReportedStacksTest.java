package dev.weft.scheduler.runtime.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.StrategySpec;
import org.junit.jupiter.api.Test;

/**
 * The stacks a report shows for code in the semantics programs' package: Weft's own package, but
 * application code that the agent rewrites, so its frames are the user's and must be shown, from a
 * nested class as from a top-level one.
 */
class ReportedStacksTest {

    /** A field written by two threads without ordering, in a class nested in the test class. */
    static final class NestedBox {
        int value;

        void bump() {
            value = value + 1;
        }
    }

    @Test
    void dataRace_inANestedClass_showsItsFrames() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(() -> {
            NestedBox box = new NestedBox();
            Threads.runBoth(box::bump, box::bump);
        }, ExplorationSettings.of(new StrategySpec.Exhaustive(), 1, 50).withDetection(DetectionMode.FAIL));

        Outcome outcome = exploration.failure().orElseThrow().outcome();
        assertThat(outcome).isInstanceOf(Outcome.DataRace.class);
        assertThat(outcome.details())
                .contains("by thread 2:\n      at dev.weft.scheduler.runtime.semantics.ReportedStacksTest$NestedBox.bump(ReportedStacksTest.java:")
                .contains("previous write by thread 1:\n      at dev.weft.scheduler.runtime.semantics.ReportedStacksTest$NestedBox.bump(")
                .doesNotContain("dev.weft.scheduler.runtime.Execution").doesNotContain("java.lang.VirtualThread");
    }

    @Test
    void exception_inATopLevelProgramClass_showsItsFrames() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(() -> {
            Threads.runBoth(() -> { }, () -> {
                throw new IllegalStateException("thrown by the program");
            });
        }, ExplorationSettings.of(new StrategySpec.Exhaustive(), 1, 5));

        Outcome outcome = exploration.failure().orElseThrow().outcome();
        assertThat(outcome.headline()).isEqualTo("exception in thread 2: java.lang.IllegalStateException: thrown by the program");
        assertThat(outcome.details()).contains("at dev.weft.scheduler.runtime.semantics.ReportedStacksTest.lambda$");
    }
}
