package dev.weft.scheduler.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.scheduler.strategy.ExhaustiveStrategy;
import dev.weft.scheduler.strategy.Programs;
import dev.weft.scheduler.strategy.SimulatedProgram;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReplayRoundTripTest {

    record Found(SimulatedProgram.Execution execution, DecisionList decisions) {}

    /** Explores with a recorded strategy until an execution is incorrect, or the budget runs out. */
    static Found explore(SimulatedProgram program, Strategy strategy, long budget, boolean wantFailure) {
        RecordingStrategy recording = new RecordingStrategy(strategy);
        for (long j = 0; j < budget; j++) {
            SimulatedProgram.Execution execution = program.run(recording, j);
            if (program.isCorrect(execution) != wantFailure) {
                return new Found(execution, recording.decisions());
            }
            if (!execution.more()) {
                break;
            }
        }
        throw new AssertionError("no " + (wantFailure ? "failing" : "correct") + " execution within " + budget);
    }

    static String tokenFor(DecisionList decisions, long seed) {
        return ReplayToken.builder().mode("imperative").seed(seed).testHash(ReplayToken.testHash("[engine:weft]/x"))
                .draws(7, -3).decisions(decisions).build().encode();
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "pct", "pos", "portfolio", "exhaustive"})
    void failingExecution_recordedEncodedParsedReplayed_givesIdenticalSchedule(String name) {
        for (SimulatedProgram program : List.of(Programs.lostUpdate(false), Programs.depthTwoOrdering(false, 6),
                Programs.lockOrder(false))) {
            Found found = explore(program, Strategies.create(name, 2024), 5_000, true);
            String token = tokenFor(found.decisions(), 2024);

            ReplayToken parsed = ReplayToken.parse(token);
            assertThat(parsed.decisions()).isEqualTo(found.decisions());
            ReplayStrategy replay = new ReplayStrategy(parsed.decisions());
            for (int time = 0; time < 10; time++) {
                SimulatedProgram.Execution again = program.run(replay, 0);
                assertThat(again.schedule()).isEqualTo(found.execution().schedule());
                assertThat(program.isCorrect(again)).isFalse();
                assertThat(again.more()).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "pct", "pos", "portfolio", "exhaustive"})
    void correctExecution_replayed_staysCorrectAndIdentical(String name) {
        SimulatedProgram program = Programs.lostUpdate(true);
        Found found = explore(program, Strategies.create(name, 5), 100, false);
        ReplayStrategy replay = new ReplayStrategy(ReplayToken.parse(tokenFor(found.decisions(), 5)).decisions());

        SimulatedProgram.Execution again = program.run(replay, 0);
        assertThat(again.schedule()).isEqualTo(found.execution().schedule());
        assertThat(program.isCorrect(again)).isTrue();
    }

    @Test
    void recording_skipsForcedPicks_andRecordsEveryContestedOne() {
        SimulatedProgram program = Programs.independentThreads(2, 3);
        RecordingStrategy recording = new RecordingStrategy(new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED));
        SimulatedProgram.Execution execution = program.run(recording, 0);
        // exhaustive's first path: thread 1 then thread 2; contested until thread 1 is done
        assertThat(execution.schedule()).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(recording.decisions().toThreadArray()).containsExactly(1, 1, 1);
        assertThat(recording.decisions().toString()).isEqualTo("[3×t1 @Sim.write(Sim.java:201)]");
    }

    @Test
    void changedProgram_replay_failsWithDivergenceInsteadOfRunningSomethingElse() {
        Found found = explore(Programs.lostUpdate(false), Strategies.create("pct", 3), 5_000, true);
        ReplayStrategy replay = new ReplayStrategy(found.decisions());

        assertThatThrownBy(() -> Programs.lostUpdate(true).run(replay, 0))
                .isInstanceOf(ReplayDivergenceException.class)
                .hasMessageStartingWith("replay diverged at step ");
    }
}
