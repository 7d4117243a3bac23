package dev.weft.scheduler.programs;

import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.replay.RecordingStrategy;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import org.junit.jupiter.api.Test;

class DeterminismProbeTest {
    @Test
    void probe() {
        ControlledRuntime runtime = ControlledRuntime.get();
        Program program = Programs.executorRace(false);
        Explorer explorer = new Explorer(runtime);
        RecordingStrategy strategy = new RecordingStrategy(Strategies.create("random", 5));
        explorer.explore(program, dev.weft.scheduler.explore.ExplorationSettings.of("random", 1, 1));
        for (int i = 0; i < 300; i++) {
            strategy.beginExecution(i);
            ExecutionResult r = runtime.execute(program, strategy, new ExecutionOptions(Explorer.executionSeed(5, i), 200000, true));
            strategy.endExecution();
            try {
                ExecutionResult again = explorer.replay(program, 5, i, strategy.decisions(), 200000);
                if (again.steps() != r.steps() || !again.trace().equals(r.trace())) {
                    System.out.println("execution " + i + ": steps " + r.steps() + " vs " + again.steps());
                    for (int k = 0; k < Math.min(r.trace().size(), again.trace().size()); k++) {
                        if (!r.trace().get(k).equals(again.trace().get(k))) {
                            System.out.println("first difference at event " + k + ":\n  " + r.trace().get(k) + "\n  " + again.trace().get(k));
                            for (int j = Math.max(0, k - 8); j < k; j++) System.out.println("    before: " + r.trace().get(j));
                            break;
                        }
                    }
                    return;
                }
            } catch (RuntimeException e) {
                System.out.println("execution " + i + ": " + e.getMessage());
                for (int k = 0; k < Math.min(60, r.trace().size()); k++) System.out.println("   " + r.trace().get(k));
                return;
            }
        }
        System.out.println("all deterministic");
    }
}
