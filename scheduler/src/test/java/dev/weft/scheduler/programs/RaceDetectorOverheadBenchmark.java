package dev.weft.scheduler.programs;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Executions per second with the race and misuse detectors on (FAIL) and off, on the runtime's
 * benchmark scenario (a): 3 threads × put/get/remove on keys 1..3 of a shared ConcurrentHashMap,
 * 2 operations before and 2 after. A harness, not a timed test: it runs only with
 * {@code -Dweft.bench=true} and prints its numbers (see docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "weft.bench", matches = "true")
class RaceDetectorOverheadBenchmark {

    private static final int EXECUTIONS = Integer.getInteger("weft.bench.executions", 20_000);
    private static final int ROUNDS = Integer.getInteger("weft.bench.rounds", 5);

    static Program scenarioA(Map<Integer, Integer> shared) {
        return () -> {
            Map<Integer, Integer> map = shared == null ? new ConcurrentHashMap<>() : shared;
            map.put(1, 1);
            map.get(2);
            Thread[] threads = new Thread[3];
            for (int t = 0; t < 3; t++) {
                int id = t;
                threads[t] = ManagedThreads.start("t" + t, () -> {
                    map.put(id + 1, id);
                    map.get((id + 1) % 3 + 1);
                    map.remove((id + 2) % 3 + 1);
                });
            }
            for (Thread thread : threads) {
                ManagedThreads.join(thread);
            }
            map.get(1);
            map.size();
        };
    }

    private static double executionsPerSecond(Program program, String strategyName, DetectionMode mode) {
        ControlledRuntime runtime = ControlledRuntime.get();
        Strategy strategy = strategyName.equals("pct-like") ? SpeedProbeTest.pctLike(1) : Strategies.create(strategyName, 1);
        long start = System.nanoTime();
        for (int i = 0; i < EXECUTIONS; i++) {
            strategy.beginExecution(i);
            runtime.execute(program, strategy, ExecutionOptions.of(i).withDetection(mode));
            strategy.endExecution();
        }
        return EXECUTIONS / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void detectorsOnVersusOff() {
        Program program = scenarioA(null);
        for (String strategy : new String[] {"pct-like", "random"}) {
            executionsPerSecond(program, strategy, DetectionMode.OFF); // warm-up
            executionsPerSecond(program, strategy, DetectionMode.FAIL);
            double bestOff = 0;
            double bestOn = 0;
            for (int round = 0; round < ROUNDS; round++) {
                double off = executionsPerSecond(program, strategy, DetectionMode.OFF);
                double on = executionsPerSecond(program, strategy, DetectionMode.FAIL);
                bestOff = Math.max(bestOff, off);
                bestOn = Math.max(bestOn, on);
                System.out.printf("%s round %d: off %.0f executions/s, on %.0f executions/s (%.2f)%n", strategy, round, off, on,
                        on / off);
            }
            System.out.printf("%s best: off %.0f executions/s, on %.0f executions/s, on/off %.2f%n", strategy, bestOff, bestOn,
                    bestOn / bestOff);
        }
    }

    /** Scenario (c): the same operations on an unsynchronized HashMap, detectors on in WARN mode (they keep finding). */
    @Test
    void unsynchronizedHashMap_warnMode() {
        Program program = () -> scenarioA(new HashMap<>()).run();
        double off = executionsPerSecond(program, "random", DetectionMode.OFF);
        double warn = executionsPerSecond(program, "random", DetectionMode.WARN);
        off = executionsPerSecond(program, "random", DetectionMode.OFF);
        warn = executionsPerSecond(program, "random", DetectionMode.WARN);
        System.out.printf("HashMap (c), random: off %.0f executions/s, on (WARN) %.0f executions/s, on/off %.2f%n", off, warn,
                warn / off);
    }
}
