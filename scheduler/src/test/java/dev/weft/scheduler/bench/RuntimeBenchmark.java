package dev.weft.scheduler.bench;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.StrategySpec;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Measures the runtime: executions per second on the benchmark scenarios of issue 2 and the cost of
 * one scheduling point with and without a switch. A harness, not a test: run it with
 *
 * <pre>
 * scheduler/bench.sh [strategy ...]
 * </pre>
 */
public final class RuntimeBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 3);

    private RuntimeBenchmark() {}

    /**
     * {@code threads} threads each doing put, get, remove on keys 1..3 of a shared map, with two
     * operations before and two after the parallel part.
     */
    static Program scenario(int threads, Supplier<Map<Integer, Integer>> maps) {
        return () -> {
            Map<Integer, Integer> map = maps.get();
            map.put(1, 1);
            map.get(2);
            Thread[] started = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                started[t] = ManagedThreads.start("thread " + (t + 1), () -> {
                    map.put(id % 3 + 1, id);
                    map.get((id + 1) % 3 + 1);
                    map.remove((id + 2) % 3 + 1);
                });
            }
            for (Thread thread : started) {
                ManagedThreads.join(thread);
            }
            map.get(1);
            map.remove(3);
        };
    }

    static final class Cell {
        volatile int value;
    }

    /**
     * Whether executions start from fresh statics ({@code -Dbench.statics=fresh}, the default) or keep
     * them ({@code -Dbench.statics=kept}), to measure what the reset costs.
     */
    private static final FreshStatics STATICS = "kept".equals(System.getProperty("bench.statics")) ? FreshStatics.OFF : FreshStatics.ALL;

    /** Application state in statics, as a test class and its classes under test have: reset before each execution. */
    static final class Registry {
        static final Map<Integer, Integer> CACHE = new HashMap<>();
        static int created;

        static {
            for (int i = 0; i < 8; i++) {
                CACHE.put(i, i);
            }
        }
    }

    static final class Config {
        static final java.util.List<String> NAMES = new java.util.ArrayList<>(java.util.List.of("a", "b", "c"));
        static volatile boolean loaded = true;
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        ControlledRuntime runtime = ControlledRuntime.get();
        Explorer explorer = new Explorer(runtime);
        explorer.explore(() -> { }, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 1));
        System.out.printf(Locale.ROOT, "JDK %s, %d cores; workers: %s; statics: %s; agent %s, installed in %d ms; first execution %d ms after JVM start%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), runtime.workerKind(), STATICS.fresh() ? "fresh" : "kept",
                WeftAgent.installedHow(),
                WeftAgent.installNanos() / 1_000_000, System.currentTimeMillis() - jvmStart);

        System.out.println("| scenario | strategy | executions/s | steps/execution | switches/execution |");
        System.out.println("|---|---|---|---|---|");
        String[] strategies = args.length > 0 ? args : new String[] {"portfolio", "pct", "random", "pos"};
        // the JIT keeps compiling for seconds: every row's program and strategy runs once before any is measured
        for (boolean measure : new boolean[] {false, true}) {
            for (String strategy : strategies) {
                run(runtime, "(a) ConcurrentHashMap, 3 threads × 3 ops", scenario(3, ConcurrentHashMap::new), strategy, measure);
                run(runtime, "(b) ConcurrentHashMap, 2 threads × 3 ops", scenario(2, ConcurrentHashMap::new), strategy, measure);
                run(runtime, "(c) HashMap, 3 threads × 3 ops", scenario(3, HashMap::new), strategy, measure);
                run(runtime, "(d) as (b), with 2 classes' statics", withStatics(scenario(2, ConcurrentHashMap::new)), strategy, measure);
            }
        }
        pointCost(runtime);
    }

    private static Program withStatics(Program program) {
        return () -> {
            Registry.created += Registry.CACHE.size() + Config.NAMES.size();
            program.run();
        };
    }

    /** One row, its loop run as an exploration runs it ({@link ControlledRuntime#explore}: on the runtime's driver thread). */
    private static void run(ControlledRuntime runtime, String name, Program program, String strategyName, boolean measure) {
        runtime.explore(() -> {
            runRow(runtime, name, program, strategyName, measure);
            return null;
        });
    }

    private static void runRow(ControlledRuntime runtime, String name, Program program, String strategyName, boolean measure) {
        Strategy strategy = Strategies.create(strategyName, 42);
        long executions = 0;
        long steps = 0;
        long switches = 0;
        long warmEnd = System.nanoTime() + (measure ? 1 : WARMUP_SECONDS) * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            strategy.beginExecution(executions);
            runtime.execute(program, strategy, ExecutionOptions.of(1).withStatics(STATICS));
            strategy.endExecution();
            executions++;
        }
        if (!measure) {
            return;
        }
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        long measured = 0;
        while (System.nanoTime() < end) {
            strategy.beginExecution(executions);
            ExecutionResult result = runtime.execute(program, strategy, ExecutionOptions.of(1).withStatics(STATICS));
            strategy.endExecution();
            executions++;
            measured++;
            steps += result.steps();
            switches += result.switches();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f |%n", name, strategyName, measured / seconds,
                steps / (double) measured, switches / (double) measured);
    }

    /** One thread incrementing a field in a loop (no switch); two threads taking turns (a switch per step). */
    private static void pointCost(ControlledRuntime runtime) {
        int reads = 100_000;
        Cell cell = new Cell();
        Program alone = () -> {
            for (int i = 0; i < reads / 2; i++) {
                cell.value++;
            }
        };
        Strategy never = Strategies.create("pct", 1, "depth=1");
        double noSwitch = perStep(runtime, alone, never, reads);
        double bare = perStep(runtime, alone, new Strategy() {
            @Override
            public void beginExecution(long index) {
            }

            @Override
            public int pick(dev.weft.scheduler.strategy.SchedulingPoint point) {
                return point.current();
            }

            @Override
            public boolean endExecution() {
                return true;
            }

            @Override
            public String describe() {
                return "continue";
            }
        }, reads);
        System.out.printf(Locale.ROOT, "%nscheduling point, the runtime alone (a strategy that always continues): %.0f ns", bare);
        Program pingPong = () -> {
            Thread other = ManagedThreads.start("other", () -> {
                for (int i = 0; i < reads / 2; i++) {
                    cell.value++;
                }
            });
            for (int i = 0; i < reads / 2; i++) {
                cell.value++;
            }
            ManagedThreads.join(other);
        };
        Strategy always = Strategies.create("random", 1, "switchProbability=1");
        double withSwitch = perStep(runtime, pingPong, always, 2 * reads);
        System.out.printf(Locale.ROOT, "%nscheduling point without a switch: %.0f ns; with a switch: %.0f ns%n", noSwitch, withSwitch);
    }

    private static double perStep(ControlledRuntime runtime, Program program, Strategy strategy, int stepsHint) {
        long best = Long.MAX_VALUE;
        long steps = 1;
        for (int round = 0; round < 5; round++) {
            strategy.beginExecution(round);
            long start = System.nanoTime();
            ExecutionResult result = runtime.execute(program, strategy, new ExecutionOptions(1, 10L * stepsHint, false));
            long elapsed = System.nanoTime() - start;
            strategy.endExecution();
            if (elapsed < best) {
                best = elapsed;
                steps = Math.max(1, result.steps());
            }
        }
        return best / (double) steps;
    }
}
