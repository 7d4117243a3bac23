package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The common {@code ForkJoinPool} under control: parallel streams and {@code CompletableFuture}'s
 * default executor run on a pool of the execution's own, so no worker, queue or count of an earlier
 * execution changes the next one, and a failure found with them replays.
 */
class CommonPoolProgramsTest {

    private static final int RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000) / 2;

    static Program parallelSum() {
        return () -> Programs.check(IntStream.rangeClosed(1, 100).parallel().sum() == 5050, "wrong sum");
    }

    /** The caller and an asynchronous task both increment a plain counter: a lost update. */
    static Program runAsyncRace() {
        return () -> {
            int[] counter = {0};
            CompletableFuture<Void> task = CompletableFuture.runAsync(() -> counter[0]++);
            counter[0]++;
            task.join();
            Programs.check(counter[0] == 2, "lost update: " + counter[0]);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"portfolio", "pct", "random"})
    void parallelStream_sum_passesThousandsOfExecutions(String strategy) {
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(parallelSum(), ExplorationSettings.of(Strategies.parse(strategy), 17, RUNS));
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(RUNS);
    }

    @Test
    void runAsyncRacingTheCaller_isFound_andReplays() {
        String trace = exploreAndReplay();
        assertThat(trace).contains("lost update: 1");
    }

    /** With the common pool's parallelism set on the command line, in a JVM of its own. */
    @Test
    void runAsyncRacingTheCaller_withCommonParallelism4_isFound_andReplays() throws Exception {
        String output = ChildJvm.run(List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4"), CommonPoolProgramsTest.class,
                List.of(), 120).output();
        assertThat(output).contains("<<<exception in thread").contains("lost update: 1").doesNotContain("diverged");
    }

    static String exploreAndReplay() {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(runAsyncRace(), ExplorationSettings.of(new StrategySpec.Portfolio(), 3, 2_000));
        Failure failure = exploration.failure().orElseThrow(() -> new AssertionError("the lost update was not found"));
        ExecutionResult first = explorer.replay(runAsyncRace(), failure.seed(), failure.execution(), failure.decisions(),
                ExecutionOptions.DEFAULT_MAX_STEPS);
        ExecutionResult second = explorer.replay(runAsyncRace(), failure.seed(), failure.execution(), failure.decisions(),
                ExecutionOptions.DEFAULT_MAX_STEPS);
        assertThat(second.trace()).isEqualTo(first.trace());
        return first.outcome().headline() + "\n" + first.renderTrace();
    }

    public static void main(String[] args) {
        System.out.print("<<<" + exploreAndReplay() + ">>>");
    }
}
