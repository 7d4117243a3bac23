package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example program is found with every strategy within a small budget, its failure replays to
 * the identical trace, and its fixed version passes thousands of executions.
 */
class RuntimeProgramsTest {

    private static final int BUDGET = Integer.getInteger("weft.test.budget", 3_000);
    private static final int CLEAN_RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000);
    private static final String[] STRATEGIES = {"random", "pct", "pos", "exhaustive", "portfolio"};

    record Case(String name, Function<Boolean, Program> program, Class<? extends Outcome> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("hashMapPut", Programs::hashMapPut, Outcome.Failed.class),
                new Case("checkThenAct", Programs::checkThenAct, Outcome.Failed.class),
                new Case("counter", Programs::counter, Outcome.Failed.class),
                new Case("lockOrderSynchronized", Programs::lockOrderSynchronized, Outcome.Deadlock.class),
                new Case("lockOrderReentrantLock", Programs::lockOrderReentrantLock, Outcome.Deadlock.class),
                new Case("lostWakeUp", Programs::lostWakeUp, Outcome.Deadlock.class),
                new Case("latch", Programs::latch, Outcome.Deadlock.class),
                new Case("executorRace", Programs::executorRace, Outcome.Failed.class),
                new Case("spin", Programs::spin, Outcome.Hang.class));
    }

    static Stream<Arguments> casesByStrategy() {
        return cases().flatMap(c -> Stream.of(STRATEGIES).map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("casesByStrategy")
    void buggyProgram_isFound_andReplaysToTheSameTrace(Case c, String strategy) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Program program = c.program().apply(false);
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(Strategies.parse(strategy), 42, BUDGET));
        assertThat(exploration.failure()).as("%s should find the bug in %d executions", strategy, BUDGET).isPresent();
        Failure failure = exploration.failure().orElseThrow();
        assertThat(failure.outcome()).isInstanceOf(c.expected());

        ExecutionResult first = explorer.replay(program, failure.seed(), failure.execution(), failure.decisions(),
                ExecutionOptions.DEFAULT_MAX_STEPS);
        ExecutionResult second = explorer.replay(program, failure.seed(), failure.execution(), failure.decisions(),
                ExecutionOptions.DEFAULT_MAX_STEPS);
        // object numbers in a traced replay follow the trace, so compare replay with replay
        assertThat(first.outcome()).isInstanceOf(c.expected());
        assertThat(first.outcome().headline()).isEqualTo(second.outcome().headline());
        assertThat(first.trace()).isNotEmpty().isEqualTo(second.trace());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixedProgram_passesThousandsOfExecutions(Case c) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(c.program().apply(true), ExplorationSettings.of(new StrategySpec.Portfolio(), 7, CLEAN_RUNS));
        assertThat(exploration.failure()).as(() -> exploration.failure().map(f -> f.outcome().headline() + "\n"
                + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(CLEAN_RUNS);
    }
}
