package dev.weft.engine.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.api.MapOperation;
import dev.weft.engine.runner.ScenarioCodec;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.MapScenarioGenerator;
import dev.weft.engine.scenario.MapScenarioSpec;
import dev.weft.engine.scenario.Scenario;
import dev.weft.engine.scenario.ScenarioShape;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Verdict;
import dev.weft.models.model.MapContract;
import dev.weft.scheduler.replay.DecisionList;
import dev.weft.scheduler.replay.ReplayToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class StressRunTest {

    /** The README's scenario: thread 2's size() misses thread 1's put when two size++ race. */
    private static final String LOST_SIZE = "thread 1: put(2, 1) | thread 2: put(1, 1); size()";

    /** A HashMap whose size() lost one put's increment, as two racing size++ do. */
    @SuppressWarnings("serial")
    private static final class LostIncrementMap extends HashMap<Integer, Integer> {
        @Override
        public int size() {
            return super.size() - 1;
        }
    }

    private static StressRun runOneThreadAfterTheOther(StressScenario scenario, Map<Integer, Integer> map, LongSupplier clock) {
        StressRun run = new StressRun(scenario, clock);
        run.runBefore(map);
        for (int thread = 1; thread <= scenario.threads(); thread++) {
            run.runThread(thread, map);
        }
        run.runAfter(map);
        return run;
    }

    private static LongSupplier ticking() {
        AtomicLong now = new AtomicLong();
        return now::incrementAndGet;
    }

    @Test
    void lostIncrement_afterTheOtherThreadReturned_isNotLinearizable() {
        StressScenario scenario = StressScenario.parse(LOST_SIZE);

        StressRun run = runOneThreadAfterTheOther(scenario, new LostIncrementMap(), ticking());

        assertThat(run.outcome(MapContract.MAP)).isEqualTo("NOT_LINEARIZABLE: null | null, 1");
        CheckResult check = run.check(MapContract.MAP);
        assertThat(check.verdict()).isEqualTo(Verdict.NOT_LINEARIZABLE);
        assertThat(check.explanation().toString())
                .contains("cannot place next: thread 2: size() -> 1").contains("the model returns 2 there");
        assertThat(run.resultTable()).isEqualTo("""
                | thread 1        | thread 2        |
                | put(2, 1): null | put(1, 1): null |
                |                 | size(): 1       |""");
    }

    @Test
    void sameResults_withCallsOverlapping_areLinearizable() {
        // a clock that never moves: every call overlaps every other, so thread 1's put may come last
        StressScenario scenario = StressScenario.parse(LOST_SIZE);

        StressRun run = runOneThreadAfterTheOther(scenario, new LostIncrementMap(), () -> 42);

        assertThat(run.outcome(MapContract.MAP)).isEqualTo("LINEARIZABLE: null | null, 1");
    }

    @Test
    void sequentialResults_ofACorrectMap_areLinearizable() {
        StressScenario scenario = StressScenario.parse("before: put(1, 5) | thread 1: put(2, 1); remove(1)"
                + " | thread 2: get(1); size() | after: size(); keySet()");

        StressRun run = runOneThreadAfterTheOther(scenario, new HashMap<>(), ticking());

        assertThat(run.outcome(new HashMap<>())).isEqualTo("LINEARIZABLE: before null | null, 5 | null, 1 | after 1, [2]");
        assertThat(run.check(MapContract.MAP).verdict()).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void exceptions_areResults_judgedByTheMapsContract() {
        StressScenario scenario = StressScenario.parse("thread 1: put(null, 1) | thread 2: get(null)");

        StressRun concurrent = runOneThreadAfterTheOther(scenario, new ConcurrentHashMap<>(), ticking());
        StressRun plain = runOneThreadAfterTheOther(scenario, new HashMap<>(), ticking());

        assertThat(concurrent.outcome(new ConcurrentHashMap<>()))
                .isEqualTo("LINEARIZABLE: NullPointerException | NullPointerException");
        assertThat(plain.outcome(new HashMap<>())).isEqualTo("LINEARIZABLE: null | 1");
        assertThat(concurrent.outcome(MapContract.MAP)).startsWith("NOT_LINEARIZABLE: ");
    }

    @Test
    void equalHistories_areCheckedOnce() {
        StressScenario scenario = StressScenario.parse(LOST_SIZE);
        for (int i = 0; i < 100; i++) {
            runOneThreadAfterTheOther(scenario, new HashMap<>(), ticking()).outcome(MapContract.MAP);
        }
        assertThat(scenario.outcomes).hasSize(1);
    }

    @Test
    void verdict_beforeEveryCallRan_isRefused() {
        StressRun run = StressScenario.parse(LOST_SIZE).newRun();
        run.runThread(1, new HashMap<>());

        assertThatThrownBy(() -> run.outcome(MapContract.MAP)).isInstanceOf(IllegalStateException.class)
                .hasMessage("call put(1, 1) has not run: run the before part, every thread and the after part before"
                        + " asking for a verdict");
        assertThatThrownBy(() -> run.runThread(3, new HashMap<>()))
                .hasMessage("thread must be between 1 and 2 (the scenario's threads), was 3");
    }

    @Test
    void concurrentHashMap_onRealThreads_isAlwaysLinearizable() throws Exception {
        // no size(): a ConcurrentHashMap counts an entry after linking it, so size() can miss an entry
        // that get() already sees; the bridge says NOT_LINEARIZABLE then, rightly
        StressScenario scenario = StressScenario.parse("thread 1: put(1, 1); put(2, 2); get(1)"
                + " | thread 2: remove(1); putIfAbsent(2, 3); get(2) | after: get(2); containsKey(1)");
        int runs = 2_000;
        ConcurrentMap<Integer, Integer>[] maps = newMaps(runs);
        StressRun[] all = new StressRun[runs];
        for (int i = 0; i < runs; i++) {
            all[i] = scenario.newRun();
        }
        CyclicBarrier barrier = new CyclicBarrier(2);
        Thread other = new Thread(() -> {
            try {
                for (int i = 0; i < runs; i++) {
                    barrier.await();
                    all[i].runThread(2, maps[i]);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        for (int i = 0; i < runs; i++) {
            barrier.await();
            all[i].runThread(1, maps[i]);
        }
        other.join();
        for (int i = 0; i < runs; i++) {
            all[i].runAfter(maps[i]);
            assertThat(all[i].outcome(maps[i])).startsWith("LINEARIZABLE: ");
        }
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMap<Integer, Integer>[] newMaps(int n) {
        ConcurrentMap<Integer, Integer>[] maps = new ConcurrentMap[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new ConcurrentHashMap<>();
        }
        return maps;
    }

    // ------------------------------------------------------------ where scenarios come from

    private static final Scenario<MapCall> SHRUNK = new Scenario<>(29, List.of(),
            List.of(List.of(MapCall.of(MapOperation.PUT, 2, 2), MapCall.of(MapOperation.PUT, 3, 1)),
                    List.of(MapCall.of(MapOperation.PUT, 2, 1), MapCall.of(MapOperation.CLEAR), MapCall.of(MapOperation.SIZE))),
            List.of());

    private static String mapToken() {
        return ReplayToken.builder().mode("map").seed(1).decisions(DecisionList.EMPTY)
                .scenario(ScenarioCodec.encodeMap(SHRUNK, 2, 6)).build().encode();
    }

    @Test
    void token_ofAMapFormTest_givesItsShrunkScenario() {
        StressScenario scenario = StressScenario.fromToken(mapToken());

        assertThat(scenario.scenario()).isEqualTo(SHRUNK);
        assertThat(scenario.text()).isEqualTo("thread 1: put(2, 2); put(3, 1) | thread 2: put(2, 1); clear(); size()");
        assertThat(scenario.origin()).startsWith("scenario 30 of a Weft map-form test, seed 1, shrunk from 2 threads,"
                + " 6 operations to 2 threads, 5 operations (replay token w1.");
        assertThat(scenario.table()).isEqualTo("""
                | thread 1  | thread 2  |
                | put(2, 2) | put(2, 1) |
                | put(3, 1) | clear()   |
                |           | size()    |""");
    }

    @Test
    void token_isFound_insideTheReplayLinesWrapping() {
        String token = mapToken();

        assertThat(StressScenario.from("-Dweft.replay=" + token).scenario()).isEqualTo(SHRUNK);
        assertThat(StressScenario.from("@ConcurrencyTest(replay = \"" + token + "\")").scenario()).isEqualTo(SHRUNK);
        assertThat(StressScenario.from(" " + token + " ").scenario()).isEqualTo(SHRUNK);
        assertThat(StressScenario.from("replay: @ConcurrencyTest(replay = \"" + token + "\")   or   -Dweft.replay="
                + token).scenario()).isEqualTo(SHRUNK);
    }

    @Test
    void truncatedToken_saysSo_andWhatToPaste() {
        String token = mapToken();

        assertThatThrownBy(() -> StressScenario.fromToken(token.substring(0, token.length() - 5)))
                .hasMessageStartingWith("scenario token is unusable: replay token is truncated or corrupted:")
                .hasMessageEndingWith("; paste the whole token from the \"replay:\" line of a Weft failure report");
    }

    @Test
    void tokenOfAnImperativeTest_isRefused_withWhatToUseInstead() {
        String token = ReplayToken.builder().mode("imperative").decisions(DecisionList.EMPTY).build().encode();

        assertThatThrownBy(() -> StressScenario.from(token))
                .hasMessage("scenario token is a token of a test in mode imperative, which holds no map scenario; use a"
                        + " token of a map-form test (a @ConcurrencyTest method returning a Map) or write the scenario as"
                        + " text, such as \"thread 1: put(1, 1) | thread 2: put(2, 1); size()\"");
    }

    @Test
    void generated_isTheScenarioTheMapFormTestGenerates() {
        MapScenarioSpec spec = new MapScenarioSpec(ConcurrentMap.class, List.of(0, 1, 2, 3), List.of(1, 2),
                List.of(MapOperation.PUT, MapOperation.REMOVE, MapOperation.SIZE, MapOperation.CLEAR));
        ScenarioShape shape = new ScenarioShape(2, 3, 0, 1);

        StressScenario scenario = StressScenario.generated(spec, shape, 1, 29);

        assertThat(scenario.scenario()).isEqualTo(new MapScenarioGenerator(spec, shape).generate(1, 29));
        assertThat(scenario.origin()).isEqualTo("scenario 30 generated with seed 1, 2 threads, 7 operations");
        assertThatThrownBy(() -> StressScenario.generated(spec, shape, 1, -1))
                .hasMessage("scenario index must be at least 0, was -1 (a report's \"scenario N\" is index N - 1)");
    }
}
