package dev.weft.scheduler.programs;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.ManagedThreads;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SpeedProbeTest {

    static Strategy pctLike(long seed) {
        return new Strategy() {
            SplittableRandom random;
            long change;

            @Override
            public void beginExecution(long index) {
                random = new SplittableRandom(seed + index);
                change = random.nextInt(150);
            }

            @Override
            public int pick(SchedulingPoint point) {
                if (point.isEnabled(point.current()) && point.step() != change) {
                    return point.current();
                }
                return point.enabled(random.nextInt(point.enabledCount()));
            }

            @Override
            public boolean endExecution() {
                return true;
            }

            @Override
            public String describe() {
                return "pct-like";
            }
        };
    }

    @Test
    void probe() {
        ControlledRuntime runtime = ControlledRuntime.get();
        Program program = () -> {
            ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
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
        for (String name : new String[] {"pct-like", "random"}) {
            Strategy strategy = name.equals("random") ? TestStrategies.random(1) : pctLike(1);
            for (int round = 0; round < 3; round++) {
                int n = 20_000;
                long steps = 0;
                long switches = 0;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    strategy.beginExecution(i);
                    ExecutionResult r = runtime.execute(program, strategy, ExecutionOptions.of(i));
                    strategy.endExecution();
                    steps += r.steps();
                    switches += r.switches();
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %.0f executions/s, %.1f steps and %.1f switches per execution%n", name, n / secs,
                        steps / (double) n, switches / (double) n);
            }
        }
    }
}
