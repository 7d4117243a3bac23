package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RandomizedStrategiesTest {

    /** Executions allowed to find each bug. */
    static final long BUDGET = 2_000;
    /** Executions a correct program must pass; raise with -Dweft.test.quietExecutions in a slow run. */
    static final long QUIET_BUDGET = Long.getLong("weft.test.quietExecutions", 3_000);

    static Stream<Arguments> strategies() {
        return Stream.of(
                Arguments.of("random", (LongFunction<Strategy>) RandomWalkStrategy::new),
                Arguments.of("pct(depth=2)", (LongFunction<Strategy>) seed -> new PctStrategy(seed, 2)),
                Arguments.of("pct(depth=3)", (LongFunction<Strategy>) seed -> new PctStrategy(seed, 3)),
                Arguments.of("pos", (LongFunction<Strategy>) PosStrategy::new),
                Arguments.of("portfolio", (LongFunction<Strategy>) PortfolioStrategy::new));
    }

    static List<List<Integer>> schedules(SimulatedProgram program, Strategy strategy, long from, long to) {
        List<List<Integer>> schedules = new ArrayList<>();
        for (long j = from; j < to; j++) {
            schedules.add(program.run(strategy, j).schedule());
        }
        return schedules;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void lostUpdate_isFoundWithinBudget(String name, LongFunction<Strategy> create) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(Programs.lostUpdate(false).firstFailure(create.apply(seed), BUDGET))
                    .as("seed %d", seed).isNotNegative();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void lostUpdate_locked_staysQuiet(String name, LongFunction<Strategy> create) {
        assertThat(Programs.lostUpdate(true).firstFailure(create.apply(7), QUIET_BUDGET)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void depthTwoOrderingBug_isFoundWithinBudget(String name, LongFunction<Strategy> create) {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(Programs.depthTwoOrdering(false, 8).firstFailure(create.apply(seed), BUDGET))
                    .as("seed %d", seed).isNotNegative();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void depthTwoOrdering_locked_staysQuiet(String name, LongFunction<Strategy> create) {
        assertThat(Programs.depthTwoOrdering(true, 8).firstFailure(create.apply(7), QUIET_BUDGET)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void lockOrderDeadlock_isFoundAndOrderedLocksStayQuiet(String name, LongFunction<Strategy> create) {
        assertThat(Programs.lockOrder(false).firstFailure(create.apply(3), BUDGET)).isNotNegative();
        assertThat(Programs.lockOrder(true).firstFailure(create.apply(3), QUIET_BUDGET)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void spinLoop_neverHangs(String name, LongFunction<Strategy> create) {
        assertThat(Programs.spinHandshake(20).firstFailure(create.apply(11), 500)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void sameSeed_givesSameDecisions_otherSeedOthers(String name, LongFunction<Strategy> create) {
        SimulatedProgram program = Programs.depthTwoOrdering(false, 4);
        List<List<Integer>> first = schedules(program, create.apply(42), 0, 50);
        List<List<Integer>> again = schedules(program, create.apply(42), 0, 50);
        List<List<Integer>> other = schedules(program, create.apply(43), 0, 50);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(new HashSet<>(first)).as("executions of one exploration differ").hasSizeGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void executionJ_dependsOnlyOnSeedAndJ(String name, LongFunction<Strategy> create) {
        SimulatedProgram program = Programs.depthTwoOrdering(false, 4);
        List<List<Integer>> inOrder = schedules(program, create.apply(9), 0, 30);
        Strategy alone = create.apply(9);
        for (long j = 29; j >= 0; j -= 3) {
            assertThat(program.run(alone, j).schedule()).as("execution %d alone", j).isEqualTo(inOrder.get((int) j));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void shards_runDisjointIndicesWhoseUnionIsTheExploration(String name, LongFunction<Strategy> create) {
        SimulatedProgram program = Programs.depthTwoOrdering(false, 4);
        int count = 3;
        List<List<Integer>> whole = schedules(program, create.apply(5), 0, 30);
        List<List<Integer>> byGlobalIndex = new ArrayList<>(java.util.Collections.nCopies(30, null));
        Set<Long> indices = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ShardedStrategy shard = (ShardedStrategy) Strategies.shard(create.apply(5), new Shard(i, count));
            for (long local = 0; local < 10; local++) {
                long global = shard.globalIndex(local);
                assertThat(global % count).isEqualTo(i);
                assertThat(indices.add(global)).as("index %d run by one shard only", global).isTrue();
                byGlobalIndex.set((int) global, program.run(shard, local).schedule());
            }
        }
        assertThat(byGlobalIndex).isEqualTo(whole);
    }

    @Test
    void pct_depthOne_runsThreadsToCompletionInPriorityOrder() {
        // no change points: the main thread spawns both, then each thread runs without preemption
        SimulatedProgram program = Programs.independentThreads(2, 5);
        PctStrategy pct = new PctStrategy(1, 1);
        for (long j = 0; j < 20; j++) {
            List<Integer> schedule = program.run(pct, j).schedule();
            assertThat(schedule).isIn(List.of(1, 1, 1, 1, 1, 2, 2, 2, 2, 2), List.of(2, 2, 2, 2, 2, 1, 1, 1, 1, 1));
        }
    }

    @Test
    void pct_unknownSteps_drawsChangePointsLogUniformly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        int draws = 200_000;
        int ones = 0;
        int upTo16 = 0;
        for (int i = 0; i < draws; i++) {
            long c = PctStrategy.drawChangePoints(random, 1, 0)[0];
            assertThat(c).isBetween(1L, PctStrategy.MAX_UNKNOWN_STEPS);
            ones += c == 1 ? 1 : 0;
            upTo16 += c <= 16 ? 1 : 0;
        }
        double log = Math.log(PctStrategy.MAX_UNKNOWN_STEPS + 1.0);
        assertThat((double) ones / draws).isCloseTo(Math.log(2) / log, org.assertj.core.data.Offset.offset(0.003));
        assertThat((double) upTo16 / draws).isCloseTo(Math.log(17) / log, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void pct_knownSteps_drawsDistinctSortedChangePointsInRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            long[] points = PctStrategy.drawChangePoints(random, 3, 5);
            assertThat(points).hasSize(3).isSorted().doesNotHaveDuplicates();
            for (long c : points) {
                assertThat(c).isBetween(1L, 5L);
                seen.add(c);
            }
        }
        assertThat(seen).hasSize(5);
        assertThat(PctStrategy.drawChangePoints(random, 4, 2)).containsExactly(1, 2);
    }

    @Test
    void pct_knownSteps_findsDepthTwoBug() {
        SimulatedProgram program = Programs.depthTwoOrdering(false, 8);
        assertThat(program.firstFailure(new PctStrategy(1, 2, 24), BUDGET)).isNotNegative();
        assertThat(Programs.depthTwoOrdering(true, 8).firstFailure(new PctStrategy(1, 2, 24), QUIET_BUDGET)).isEqualTo(-1);
    }

    @Test
    void pct_findsDepthTwoBug_atLeastAsOftenAsItsBound() {
        // n = 3 threads, k <= 2·8 + 6 = 22 contested steps: bound 1/(n·(k+1)·ln(2^16+1)), about 1/770
        SimulatedProgram program = Programs.depthTwoOrdering(false, 8);
        PctStrategy pct = new PctStrategy(17, 2);
        int failures = 0;
        for (long j = 0; j < 4_000; j++) {
            failures += program.isCorrect(program.run(pct, j)) ? 0 : 1;
        }
        assertThat(failures).isGreaterThan(4_000 / 770);
    }

    @Test
    void portfolio_describesItsMixAndUsesEveryMember() {
        PortfolioStrategy portfolio = new PortfolioStrategy(1);
        assertThat(portfolio.describe()).isEqualTo(
                "portfolio(random(p=0.25), pct(depth=2), pct(depth=3), pct(depth=5), pos; each 1/5 of executions)");
        Set<String> used = new HashSet<>();
        for (long j = 0; j < 200; j++) {
            used.add(portfolio.memberFor(j).describe());
        }
        assertThat(used).hasSize(5);
    }

    @Test
    void randomWalk_badProbability_isRejected() {
        assertThatThrownBy(() -> new RandomWalkStrategy(1, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("switch probability must be between 0 and 1, was 1.5");
    }

    @Test
    void pick_beforeBeginExecution_failsClearly() {
        ExhaustiveStrategyTest.FakePoint point = new ExhaustiveStrategyTest.FakePoint();
        point.set(0, 0, 0, 1);
        assertThatThrownBy(() -> new PosStrategy(1).pick(point))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pick called before beginExecution");
    }
}
