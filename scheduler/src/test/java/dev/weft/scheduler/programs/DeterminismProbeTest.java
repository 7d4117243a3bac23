package dev.weft.scheduler.programs;

import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.replay.RecordingStrategy;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.runtime.TraceEvent;
import dev.weft.scheduler.strategy.Strategies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismProbeTest {
    @Test
    void probe() {
        ControlledRuntime runtime = ControlledRuntime.get();
        Program program = Programs.executorRace(false);
        Explorer explorer = new Explorer(runtime);
        explorer.explore(program, dev.weft.scheduler.explore.ExplorationSettings.of("random", 1, 1));
        RecordingStrategy strategy = new RecordingStrategy(Strategies.create(System.getProperty("probe.strategy", "random"), 5));
        List<List<TraceEvent>> traces = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            strategy.beginExecution(i);
            ExecutionResult r;
            try {
                r = runtime.execute(program, strategy, new ExecutionOptions(Explorer.drawSeed(5), 200000, true));
            } catch (RuntimeException e) {
                System.out.println("execution " + i + ": " + e.getMessage());
                for (int back = 1; back <= 3 && i - back >= 0; back++) {
                    System.out.println("---- execution " + (i - back) + " decisions " + decisions.get(i - back));
                    for (TraceEvent ev : traces.get(i - back)) {
                        if (ev.step() >= 140 && ev.step() <= 215) System.out.println("   " + ev);
                    }
                }
                return;
            }
            strategy.endExecution();
            traces.add(r.trace());
            decisions.add(strategy.decisions().toString());
        }
        System.out.println("all deterministic");
    }
}
