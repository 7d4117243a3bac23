package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategy;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RuntimeProgramsTest {

    private static ExecutionResult firstFailure(Program program, int budget) {
        ControlledRuntime runtime = ControlledRuntime.get();
        Strategy strategy = TestStrategies.random(7);
        for (int i = 0; i < budget; i++) {
            strategy.beginExecution(i);
            ExecutionResult result = runtime.execute(program, strategy, ExecutionOptions.of(i));
            strategy.endExecution();
            if (result.outcome().failed()) {
                return result;
            }
        }
        return null;
    }

    private static void bothWays(Function<Boolean, Program> program, Class<? extends Outcome> expected, int budget, int cleanRuns) {
        ExecutionResult failure = firstFailure(program.apply(false), budget);
        assertThat(failure).as("buggy program should fail").isNotNull();
        System.out.println(failure.outcome().headline() + "\n" + failure.outcome().details());
        assertThat(failure.outcome()).isInstanceOf(expected);
        ExecutionResult clean = firstFailure(program.apply(true), cleanRuns);
        assertThat(clean).as(() -> "fixed program should pass: " + clean.outcome().headline() + "\n" + clean.outcome().details()).isNull();
    }

    @Test
    void hashMapPut() {
        bothWays(Programs::hashMapPut, Outcome.Failed.class, 200, 2000);
    }

    @Test
    void checkThenAct() {
        bothWays(Programs::checkThenAct, Outcome.Failed.class, 200, 2000);
    }

    @Test
    void counter() {
        bothWays(Programs::counter, Outcome.Failed.class, 200, 2000);
    }

    @Test
    void lockOrderSynchronized() {
        bothWays(Programs::lockOrderSynchronized, Outcome.Deadlock.class, 200, 2000);
    }

    @Test
    void lockOrderReentrantLock() {
        bothWays(Programs::lockOrderReentrantLock, Outcome.Deadlock.class, 200, 2000);
    }

    @Test
    void lostWakeUp() {
        bothWays(Programs::lostWakeUp, Outcome.Deadlock.class, 200, 2000);
    }

    @Test
    void latch() {
        bothWays(Programs::latch, Outcome.Deadlock.class, 200, 2000);
    }

    @Test
    void executorRace() {
        bothWays(Programs::executorRace, Outcome.Failed.class, 500, 1000);
    }

    @Test
    void spin() {
        bothWays(Programs::spin, Outcome.Hang.class, 50, 1000);
    }
}
