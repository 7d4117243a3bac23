package dev.weft.scheduler.programs;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import java.lang.management.ManagementFactory;
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

    /** Process CPU time: less disturbed than wall-clock time by other work on a shared machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double lastCpuMicrosPerExecution;

    private static double executionsPerSecond(Program program, String strategyName, DetectionMode mode) {
        return executionsPerSecond(program, strategyName, mode, null);
    }

    /** {@code shared} non-null: the unsynchronized HashMap variant, where findings are expected. */
    private static double executionsPerSecond(Program program, String strategyName, DetectionMode mode, Object shared) {
        ControlledRuntime runtime = ControlledRuntime.get();
        Strategy strategy = strategyName.equals("pct-like") ? Strategies.create("pct", 1, "depth=2") : Strategies.create(strategyName, 1);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < EXECUTIONS; i++) {
            strategy.beginExecution(i);
            ExecutionResult result = runtime.execute(program, strategy, ExecutionOptions.of(i).withDetection(mode));
            strategy.endExecution();
            if (mode == DetectionMode.FAIL && shared == null && result.outcome().failed()) {
                throw new AssertionError("finding on a correct program: " + result.outcome().headline());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lastCpuMicrosPerExecution = (processCpuNanos() - cpu) / 1e3 / EXECUTIONS;
        return EXECUTIONS / seconds;
    }

    @Test
    void detectorsOnVersusOff() {
        Program program = scenarioA(null);
        for (String strategy : new String[] {"pct-like", "random"}) {
            executionsPerSecond(program, strategy, DetectionMode.OFF); // warm-up
            executionsPerSecond(program, strategy, DetectionMode.FAIL);
            double bestOff = 0;
            double bestOn = 0;
            double cpuOff = Double.MAX_VALUE;
            double cpuOn = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                double off = executionsPerSecond(program, strategy, DetectionMode.OFF);
                double offCpu = lastCpuMicrosPerExecution;
                double on = executionsPerSecond(program, strategy, DetectionMode.FAIL);
                double onCpu = lastCpuMicrosPerExecution;
                bestOff = Math.max(bestOff, off);
                bestOn = Math.max(bestOn, on);
                cpuOff = Math.min(cpuOff, offCpu);
                cpuOn = Math.min(cpuOn, onCpu);
                System.out.printf("%s round %d: off %.0f executions/s (%.1f µs CPU each), on %.0f executions/s (%.1f µs CPU each)%n",
                        strategy, round, off, offCpu, on, onCpu);
            }
            System.out.printf("%s best: off %.0f executions/s, on %.0f executions/s, on/off %.2f; CPU per execution off %.1f µs,"
                    + " on %.1f µs%n", strategy, bestOff, bestOn, bestOn / bestOff, cpuOff, cpuOn);
        }
    }

    /** Scenario (c): the same operations on an unsynchronized HashMap, detectors on in WARN mode (they keep finding). */
    @Test
    void unsynchronizedHashMap_warnMode() {
        Program program = () -> scenarioA(new HashMap<>()).run(); // a fresh map per execution
        double off = executionsPerSecond(program, "random", DetectionMode.OFF, "racy");
        double warn = executionsPerSecond(program, "random", DetectionMode.WARN, "racy");
        off = executionsPerSecond(program, "random", DetectionMode.OFF, "racy");
        warn = executionsPerSecond(program, "random", DetectionMode.WARN, "racy");
        System.out.printf("HashMap (c), random: off %.0f executions/s, on (WARN) %.0f executions/s, on/off %.2f%n", off, warn,
                warn / off);
    }
}
