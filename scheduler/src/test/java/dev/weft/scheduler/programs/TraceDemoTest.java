package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategy;
import org.junit.jupiter.api.Test;

class TraceDemoTest {

    @Test
    void sameDecisionsSameTrace() {
        ControlledRuntime runtime = ControlledRuntime.get();
        Program program = Programs.hashMapPut(false);
        Strategy strategy = TestStrategies.random(3);
        int failing = -1;
        for (int i = 0; i < 500 && failing < 0; i++) {
            strategy.beginExecution(i);
            if (runtime.execute(program, strategy, ExecutionOptions.of(i)).outcome().failed()) {
                failing = i;
            }
            strategy.endExecution();
        }
        assertThat(failing).isNotNegative();
        strategy.beginExecution(failing);
        ExecutionResult first = runtime.execute(program, strategy, ExecutionOptions.of(failing).traced());
        strategy.beginExecution(failing);
        ExecutionResult second = runtime.execute(program, strategy, ExecutionOptions.of(failing).traced());
        System.out.println(first.outcome().headline());
        System.out.println(first.renderTrace());
        assertThat(first.trace()).isEqualTo(second.trace());
        assertThat(first.outcome().failed()).isTrue();
    }
}
