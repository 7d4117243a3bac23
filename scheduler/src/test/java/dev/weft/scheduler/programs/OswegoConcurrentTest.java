package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real library of 2004 under Weft: Doug Lea's {@code EDU.oswego.cs.dl.util.concurrent} 1.3.4,
 * class files of version 45 (Java 1.1) with {@code synchronized} methods, {@code wait}/{@code notify}
 * and 192 {@code jsr}/{@code ret} subroutines. Correct use passes with the race detector on; each
 * misuse is found.
 */
class OswegoConcurrentTest {

    private static final int CLEAN_RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000) / 10;
    private static final int BUDGET = Integer.getInteger("weft.test.budget", 3_000);

    private static Explorer explorer;

    @BeforeAll
    static void agentFirst() {
        explorer = new Explorer(ControlledRuntime.get()); // before any class of the library loads
    }

    private static void passes(Program program) {
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 3, CLEAN_RUNS)
                .withDetection(DetectionMode.FAIL));
        assertThat(exploration.failure().map(f -> f.outcome().headline() + "\n" + f.outcome().details())).isEmpty();
        assertThat(WeftAgent.lateSynchronizedClasses()).noneMatch(name -> name.startsWith("EDU.oswego"));
    }

    private static Outcome fails(Program program) {
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 3, BUDGET));
        assertThat(exploration.failure()).as("no failure in %d executions", BUDGET).isPresent();
        return exploration.failure().orElseThrow().outcome();
    }

    @Test
    void mutex_guardsAPlainCounter() {
        passes(OswegoPrograms.counterUnder(true));
    }

    @Test
    void twoMutexes_loseAnUpdate() {
        assertThat(fails(OswegoPrograms.counterUnder(false)).headline())
                .isEqualTo("exception in thread 0: java.lang.AssertionError: lost update: 1");
    }

    @Test
    void boundedBuffer_handsOverEveryItem() {
        passes(OswegoPrograms.boundedBuffer(2));
    }

    @Test
    void boundedBuffer_takingMoreThanWasPut_deadlocks() {
        Outcome outcome = fails(OswegoPrograms.boundedBuffer(3));
        assertThat(outcome).isInstanceOf(Outcome.Deadlock.class);
        assertThat(outcome.details()).contains("EDU.oswego.cs.dl.util.concurrent.BoundedBuffer.take(");
    }

    @Test
    void synchronizedIntCommit_hasOneWinner() {
        passes(OswegoPrograms.firstComer(true));
    }

    @Test
    void synchronizedIntCheckThenSet_hasTwoWinners() {
        assertThat(fails(OswegoPrograms.firstComer(false)).headline())
                .isEqualTo("exception in thread 0: java.lang.AssertionError: winners: 2");
    }

    @Test
    void countDown_publishesBothResults() {
        passes(OswegoPrograms.results(2));
    }

    @Test
    void countDownTooSmall_missesAResult() {
        assertThat(fails(OswegoPrograms.results(1)).headline())
                .isEqualTo("exception in thread 0: java.lang.AssertionError: a result is missing");
    }

    @Test
    void concurrentHashMapAndLinkedQueue_loseNothing() {
        passes(OswegoPrograms.mapAndQueue());
    }
}
