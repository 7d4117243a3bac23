package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the exhaustive search against an independent, recursive enumeration of the same
 * interleavings (by thread ids, re-running the program from the start for each prefix), on programs
 * with locks, blocking, spawned threads, deadlocks and spin loops.
 */
class ExhaustiveAgainstEnumerationTest {

    /** Follows a script of thread ids at contested points; notes the first contested point after it. */
    static final class ScriptedStrategy implements Strategy {
        final List<Integer> script;
        int next;
        int preemptions;
        boolean frontierSeen;
        int frontierPreemptions;
        int frontierCurrent;
        boolean frontierMayContinue;
        final List<Integer> frontierEnabled = new ArrayList<>();

        ScriptedStrategy(List<Integer> script) {
            this.script = script;
        }

        @Override
        public void beginExecution(long index) {}

        @Override
        public int pick(SchedulingPoint point) {
            if (point.enabledCount() == 1) {
                return point.enabled(0);
            }
            boolean mayContinue = point.isEnabled(point.current()) && !point.spinning(point.current());
            int thread;
            if (next < script.size()) {
                thread = script.get(next++);
            } else {
                if (!frontierSeen) {
                    frontierSeen = true;
                    frontierPreemptions = preemptions;
                    frontierCurrent = point.current();
                    frontierMayContinue = mayContinue;
                    for (int i = 0; i < point.enabledCount(); i++) {
                        frontierEnabled.add(point.enabled(i));
                    }
                }
                thread = point.enabled(0);
            }
            if (mayContinue && thread != point.current()) {
                preemptions++;
            }
            return thread;
        }

        @Override
        public boolean endExecution() {
            return true;
        }

        @Override
        public String describe() {
            return "scripted" + script;
        }
    }

    static void enumerate(SimulatedProgram program, List<Integer> prefix, int bound, Set<List<Integer>> out) {
        ScriptedStrategy scripted = new ScriptedStrategy(prefix);
        SimulatedProgram.Execution execution = program.run(scripted, 0);
        if (!scripted.frontierSeen) {
            assertThat(out.add(execution.schedule())).isTrue();
            return;
        }
        for (int thread : scripted.frontierEnabled) {
            if (scripted.frontierMayContinue) {
                int cost = thread == scripted.frontierCurrent ? 0 : 1;
                if (scripted.frontierPreemptions + cost > bound) {
                    continue;
                }
            } else if (thread == scripted.frontierCurrent) {
                continue; // a spinning current thread is never continued
            }
            List<Integer> longer = new ArrayList<>(prefix);
            longer.add(thread);
            enumerate(program, longer, bound, out);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] programs = {
            {"lost update", Programs.lostUpdate(false)},
            {"lost update, locked", Programs.lostUpdate(true)},
            {"lock order deadlock", Programs.lockOrder(false)},
            {"ordered locks", Programs.lockOrder(true)},
            {"depth-2 ordering", Programs.depthTwoOrdering(false, 2)},
            {"depth-2 ordering, locked", Programs.depthTwoOrdering(true, 2)},
            {"spin handshake", Programs.spinHandshake(2)},
            {"three threads", Programs.independentThreads(3, 2)},
        };
        for (Object[] program : programs) {
            for (int bound : new int[] {0, 1, 2, ExhaustiveStrategy.UNBOUNDED}) {
                cases.add(Arguments.of(program[0], program[1], bound));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, bound {2}")
    @MethodSource("cases")
    void exhaustiveSearch_runsExactlyTheEnumeratedInterleavings(String name, SimulatedProgram program, int bound) {
        Set<List<Integer>> enumerated = new HashSet<>();
        enumerate(program, List.of(), bound, enumerated);

        ExhaustiveStrategy strategy = new ExhaustiveStrategy(bound);
        List<List<Integer>> explored = ExhaustiveStrategyTest.exploreAll(program, strategy);

        assertThat(explored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enumerated);
        assertThat(strategy.explored()).isEqualTo(enumerated.size());
    }
}
