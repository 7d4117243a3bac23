package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExhaustiveStrategyTest {

    /** Runs the whole search; returns the schedules of the counted executions. */
    static List<List<Integer>> exploreAll(SimulatedProgram program, ExhaustiveStrategy strategy) {
        List<List<Integer>> schedules = new ArrayList<>();
        for (long j = 0; ; j++) {
            SimulatedProgram.Execution execution = program.run(strategy, j);
            if (strategy.lastExecutionOwned()) {
                schedules.add(execution.schedule());
            }
            if (!execution.more()) {
                return schedules;
            }
            assertThat(j).as("search must terminate").isLessThan(1_000_000);
        }
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void twoThreadsOfKSteps_unbounded_exploresBinomialCount(int k) {
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        List<List<Integer>> schedules = exploreAll(Programs.independentThreads(2, k), strategy);

        long expected = binomial(2 * k, k);
        assertThat(schedules).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(strategy.explored()).isEqualTo(expected);
        assertThat(strategy.completionStatement())
                .contains("all " + expected + " interleavings explored (no preemption bound)");
    }

    @Test
    void threeThreadsOfTwoSteps_unbounded_exploresMultinomialCount() {
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        List<List<Integer>> schedules = exploreAll(Programs.independentThreads(3, 2), strategy);

        assertThat(schedules).hasSize(90).doesNotHaveDuplicates(); // 6! / (2! 2! 2!)
    }

    /**
     * Two threads of k steps, the first pick free: a schedule of r blocks (r >= 2) has r - 2
     * preemptions (the switch after the next-to-last block leaves a finished thread), and there are
     * 2·C(k-1, ceil(r/2)-1)·C(k-1, floor(r/2)-1) schedules of r blocks.
     */
    static long boundedCountByFormula(int k, int bound) {
        long count = 0;
        for (int r = 2; r <= Math.min(bound + 2, 2 * k); r++) {
            count += 2 * binomial(k - 1, (r + 1) / 2 - 1) * binomial(k - 1, r / 2 - 1);
        }
        return count;
    }

    /** Brute force: every sequence of thread ids, preemptions counted by the definition. */
    static long boundedCountByEnumeration(int threads, int k, int bound) {
        int[] left = new int[threads];
        java.util.Arrays.fill(left, k);
        return enumerate(left, -1, 0, bound);
    }

    private static long enumerate(int[] left, int current, int preemptions, int bound) {
        long count = 0;
        boolean any = false;
        for (int t = 0; t < left.length; t++) {
            if (left[t] == 0) {
                continue;
            }
            any = true;
            int cost = current >= 0 && current != t && left[current] > 0 ? 1 : 0;
            if (preemptions + cost > bound) {
                continue;
            }
            left[t]--;
            count += enumerate(left, t, preemptions + cost, bound);
            left[t]++;
        }
        return any ? count : 1;
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,0", "2,1", "3,0", "3,1", "3,2", "4,1", "4,2", "4,3", "5,2", "5,3", "6,2"})
    void twoThreads_boundedPreemptions_matchHandCount(int k, int bound) {
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(bound);
        List<List<Integer>> schedules = exploreAll(Programs.independentThreads(2, k), strategy);

        assertThat(schedules).doesNotHaveDuplicates();
        assertThat((long) schedules.size())
                .isEqualTo(boundedCountByFormula(k, bound))
                .isEqualTo(boundedCountByEnumeration(2, k, bound));
    }

    @ParameterizedTest
    @CsvSource({"2,0", "2,1", "2,2", "3,1", "3,2"})
    void threeThreads_boundedPreemptions_matchEnumeration(int k, int bound) {
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(bound);
        List<List<Integer>> schedules = exploreAll(Programs.independentThreads(3, k), strategy);

        assertThat(schedules).doesNotHaveDuplicates();
        assertThat((long) schedules.size()).isEqualTo(boundedCountByEnumeration(3, k, bound));
    }

    @Test
    void completionStatement_bounded_namesCountAndBound() {
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(1);
        assertThat(strategy.completionStatement()).isEmpty();
        exploreAll(Programs.independentThreads(2, 3), strategy);

        assertThat(strategy.completionStatement()).contains("all 6 interleavings up to 1 preemption explored");
        assertThat(strategy.describe()).isEqualTo("exhaustive(preemptions=1)");
    }

    @Test
    void criticalSections_unbounded_exploresOnlyFeasibleInterleavings() {
        // two threads: local, lock, unlock; critical sections never overlap: 2 orders × 4 places
        SimulatedProgram program = SimulatedProgram.builder()
                .thread()
                .thread(SimulatedProgram.local(), SimulatedProgram.lock(0), SimulatedProgram.unlock(0))
                .thread(SimulatedProgram.local(), SimulatedProgram.lock(0), SimulatedProgram.unlock(0))
                .initiallyStarted(1, 2)
                .build();
        assertThat(exploreAll(program, new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED))).hasSize(8);
    }

    @Test
    void lostUpdate_onePreemption_isFound() {
        SimulatedProgram program = Programs.lostUpdate(false);
        assertThat(program.firstFailure(new ExhaustiveStrategy(1), 1_000)).isNotNegative();
        assertThat(program.firstFailure(new ExhaustiveStrategy(0), 1_000)).isEqualTo(-1);
    }

    @Test
    void lostUpdate_locked_allInterleavingsCorrect() {
        SimulatedProgram program = Programs.lostUpdate(true);
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        for (long j = 0; ; j++) {
            SimulatedProgram.Execution execution = program.run(strategy, j);
            assertThat(program.isCorrect(execution)).isTrue();
            if (!execution.more()) {
                break;
            }
        }
        assertThat(strategy.isFinished()).isTrue();
        assertThat(strategy.explored()).isGreaterThan(1);
    }

    @Test
    void lockOrderDeadlock_isFoundAndOrderedLocksAreQuiet() {
        assertThat(Programs.lockOrder(false).firstFailure(new ExhaustiveStrategy(2), 1_000)).isNotNegative();
        assertThat(Programs.lockOrder(true).firstFailure(new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED), 100_000))
                .isEqualTo(-1);
    }

    @Test
    void spinLoop_searchTerminatesWithoutHang() {
        SimulatedProgram program = Programs.spinHandshake(3);
        ExhaustiveStrategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        assertThat(program.firstFailure(strategy, 100_000)).isEqualTo(-1);
        assertThat(strategy.isFinished()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2,UNBOUNDED,4,2", "3,UNBOUNDED,3,3", "4,2,2,5", "3,1,3,7", "2,UNBOUNDED,1,1"})
    void shards_areDisjointAndTheirUnionIsTheWholeSearch(int threads, String boundText, int k, int shardCount) {
        int bound = boundText.equals("UNBOUNDED") ? ExhaustiveStrategy.UNBOUNDED : Integer.parseInt(boundText);
        SimulatedProgram program = Programs.independentThreads(threads, k);
        List<List<Integer>> whole = exploreAll(program, new ExhaustiveStrategy(bound));

        List<List<Integer>> union = new ArrayList<>();
        for (int i = 0; i < shardCount; i++) {
            ExhaustiveStrategy shard = new ExhaustiveStrategy(bound, new Shard(i, shardCount));
            union.addAll(exploreAll(program, shard));
            if (shardCount > 1) {
                assertThat(shard.completionStatement().orElseThrow()).contains("of shard " + i + "/" + shardCount);
            }
        }
        assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(whole);
    }

    @Test
    void nondeterministicProgram_differentEnabledSet_failsNamingTheStep() {
        // the second execution sees a third thread enabled where the first saw two
        Strategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        FakePoint point = new FakePoint();
        strategy.beginExecution(0);
        point.set(0, 0, 0, 1);
        strategy.pick(point);
        point.set(1, 0, 0, 1);
        strategy.pick(point);
        assertThat(strategy.endExecution()).isTrue();

        strategy.beginExecution(1);
        point.set(0, 0, 0, 1);
        strategy.pick(point);
        point.set(1, 0, 0, 1, 2);
        assertThatThrownBy(() -> strategy.pick(point))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("nondeterministic program: at step 1 the enabled threads are [0, 1, 2] but were [0, 1]"
                        + " under the same earlier decisions; exhaustive search needs a program that behaves the"
                        + " same under the same decisions");
    }

    @Test
    void nondeterministicProgram_endsEarly_failsNamingTheStep() {
        Strategy strategy = new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED);
        FakePoint point = new FakePoint();
        strategy.beginExecution(0);
        point.set(0, 0, 0, 1);
        strategy.pick(point);
        point.set(4, 0, 0, 1);
        strategy.pick(point);
        strategy.endExecution();

        strategy.beginExecution(1);
        point.set(0, 0, 0, 1);
        strategy.pick(point);
        point.set(3, 1, 1);
        strategy.pick(point);
        assertThatThrownBy(strategy::endExecution)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("nondeterministic program: the execution ended after step 3"
                        + " but reached a branch at step 4 under the same earlier decisions");
    }

    @Test
    void allExecutions_areDistinctSchedules() {
        Set<List<Integer>> seen = new HashSet<>(exploreAll(Programs.depthTwoOrdering(false, 2),
                new ExhaustiveStrategy(ExhaustiveStrategy.UNBOUNDED)));
        assertThat(seen).hasSizeGreaterThan(10);
    }

    /** A scheduling point set by hand. */
    static final class FakePoint implements SchedulingPoint {
        long step;
        int current;
        int[] enabled;

        void set(long step, int current, int... enabled) {
            this.step = step;
            this.current = current;
            this.enabled = enabled;
        }

        @Override
        public long step() {
            return step;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public int threadCount() {
            return 3;
        }

        @Override
        public boolean isEnabled(int thread) {
            for (int t : enabled) {
                if (t == thread) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int enabledCount() {
            return enabled.length;
        }

        @Override
        public int enabled(int i) {
            return enabled[i];
        }

        @Override
        public long pendingTarget(int thread) {
            return 0;
        }

        @Override
        public boolean pendingWrite(int thread) {
            return false;
        }

        @Override
        public String pendingLocation(int thread) {
            return "Fake.step(Fake.java:1)";
        }

        @Override
        public boolean spinning(int thread) {
            return false;
        }
    }
}
