package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A thread that runs without ever reaching a scheduling point (a loop on a local variable) gets a
 * verdict that names it and where it loops, within seconds — never a pass, and never an exploration
 * that explored nothing. Its worker unwinds at the loop's back edge and is used again; the next
 * exploration runs normally. (It used to pass after 3 × 20 s of warm-up with 0 executions, each
 * warm-up leaving a thread spinning for the rest of the JVM.)
 */
class NoSchedulingPointTest {

    static volatile long sink;

    /** Never ends and touches no shared state: no scheduling point is ever reached. */
    static void spinOnALocal() {
        long x = 0;
        while (x >= 0) {
            x = (x + 1) & 0xFFFFFFFFL;
        }
        sink = x;
    }

    private static Exploration explore(Program program) {
        // a time budget shorter than the wait for the verdict: the exploration still has its execution
        return new Explorer(ControlledRuntime.get())
                .explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 3, 20).withTimeBudget(Duration.ofMillis(500)));
    }

    private static void assertHangAt(Exploration exploration, String thread) {
        assertThat(exploration.failure()).isPresent();
        assertThat(exploration.executions()).isEqualTo(1);
        Outcome outcome = exploration.failure().get().outcome();
        assertThat(outcome).isInstanceOf(Outcome.Hang.class);
        assertThat(outcome.headline()).startsWith("hang: " + thread + " made no progress weft can see for ")
                .contains("NoSchedulingPointTest.spinOnALocal(NoSchedulingPointTest.java:");
        assertThat(outcome.details()).contains("at dev.weft.scheduler.programs.NoSchedulingPointTest.spinOnALocal");
    }

    @Test
    void startedThreadLoopingOnALocal_isAHang_andItsWorkerIsKept() {
        int leaked = ControlledRuntime.get().leakedWorkers();
        Exploration exploration = explore(() -> {
            Thread spinner = new Thread(NoSchedulingPointTest::spinOnALocal);
            spinner.start();
            spinner.join();
        });
        assertHangAt(exploration, "thread 1");
        assertThat(ControlledRuntime.get().leakedWorkers()).isEqualTo(leaked);
        assertNextExplorationPasses();
    }

    @Test
    void threadZeroLoopingOnALocal_isAHang_andTheExplorationGoesOn() {
        int leaked = ControlledRuntime.get().leakedWorkers();
        Exploration exploration = explore(NoSchedulingPointTest::spinOnALocal);
        assertHangAt(exploration, "thread 0");
        assertThat(ControlledRuntime.get().leakedWorkers()).isEqualTo(leaked);
        assertNextExplorationPasses();
    }

    private static void assertNextExplorationPasses() {
        int[] counter = new int[1];
        Exploration next = new Explorer(ControlledRuntime.get()).explore(() -> {
            Thread other = new Thread(() -> {
                synchronized (counter) {
                    counter[0]++;
                }
            });
            other.start();
            synchronized (counter) {
                counter[0]++;
            }
            other.join();
        }, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50));
        assertThat(next.failure()).isEmpty();
        assertThat(next.executions()).isEqualTo(50);
    }
}
