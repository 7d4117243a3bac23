package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.replay.ReplayToken;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token recorded in this JVM replays to the identical outcome and trace in fresh JVMs, again and
 * again: nothing of an execution depends on what ran in the JVM before it.
 */
class FreshJvmReplayTest {

    private static final int RUNS = Integer.getInteger("weft.test.freshJvmRuns", 10);

    @ParameterizedTest
    @ValueSource(strings = {"hashMapPut", "lockOrderReentrantLock", "identityKeys", "generatedClass"})
    void token_replaysToTheSameTrace_inFreshJvms(String programName) throws Exception {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(ReplayMain.program(programName), ExplorationSettings.of(new StrategySpec.Portfolio(), 99, 5_000));
        Failure failure = exploration.failure().orElseThrow();
        String token = ReplayToken.builder().mode("imperative").seed(failure.seed()).execution(failure.execution())
                .jdkFeatureVersion(Runtime.version().feature()).testHash(ReplayToken.testHash(programName))
                .scenario(new byte[0]).decisions(failure.decisions()).build().encode();
        String expected = ReplayMain.replay(programName, token);

        int runs = programName.equals("hashMapPut") || programName.equals("identityKeys") ? RUNS : Math.min(RUNS, 3);
        for (int run = 0; run < runs; run++) {
            String output = ChildJvm.run(List.of(), ReplayMain.class, List.of(programName, token), 60).output();
            assertThat(output).as("run %d in a fresh JVM", run + 1).contains("<<<" + expected + ">>>");
        }
    }

}
