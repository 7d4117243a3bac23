package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.strategy.Strategy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void hashMapRace() throws Exception {
        ControlledRuntime runtime = ControlledRuntime.get();
        Strategy strategy = TestStrategies.random(1);
        int failures = 0;
        ExecutionResult first = null;
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            strategy.beginExecution(i);
            ExecutionResult r = runtime.execute(() -> {
                Map<Integer, Integer> map = new HashMap<>();
                Thread a = new Thread(() -> map.put(1, 1));
                Thread b = new Thread(() -> map.put(2, 2));
                a.start();
                b.start();
                a.join();
                b.join();
                if (map.size() != 2 || !map.containsKey(1) || !map.containsKey(2)) {
                    throw new AssertionError("lost entry: " + map);
                }
            }, strategy, ExecutionOptions.of(i));
            strategy.endExecution();
            if (r.outcome().failed()) {
                failures++;
                if (first == null) {
                    first = r;
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("failures " + failures + " in " + ms + " ms; workers " + runtime.workersCreated());
        assertThat(first).isNotNull();
        System.out.println(first.outcome().headline());
        if (first.outcome() instanceof dev.weft.scheduler.runtime.Outcome.Failed f) { StackTraceElement[] st = f.error().getStackTrace(); for (int k = 0; k < Math.min(40, st.length); k++) System.out.println("  " + st[k]); }
    }
}
