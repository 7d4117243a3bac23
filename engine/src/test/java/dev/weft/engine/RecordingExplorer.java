package dev.weft.engine;

import dev.weft.engine.execution.ExplorationListener;
import dev.weft.engine.execution.ExplorationResult;
import dev.weft.engine.execution.ExplorationStatistics;
import dev.weft.engine.execution.TestExplorer;
import dev.weft.engine.execution.TestPlan;
import dev.weft.api.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An explorer for the engine's tests: records every plan and answers with a chosen result. */
final class RecordingExplorer implements TestExplorer {

    static final ExplorationStatistics STATISTICS =
            new ExplorationStatistics(3, 30, 12, Map.of(Strategy.RANDOM, 30L), Duration.ofMillis(25), false, false);

    final List<TestPlan> plans = new ArrayList<>();
    /** What {@link #instrumentationNotes()} answers. */
    List<String> notes = List.of();
    private final Function<TestPlan, ExplorationResult> answer;

    RecordingExplorer(Function<TestPlan, ExplorationResult> answer) {
        this.answer = answer;
    }

    static RecordingExplorer passing() {
        return new RecordingExplorer(plan -> new ExplorationResult.Passed(STATISTICS));
    }

    @Override
    public ExplorationResult explore(TestPlan plan, ExplorationListener listener) {
        plans.add(plan);
        try {
            Thread.sleep(3); // lets a 1 ms progress interval elapse
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.progress(STATISTICS);
        return answer.apply(plan);
    }

    @Override
    public List<String> instrumentationNotes() {
        return notes;
    }

    TestPlan plan(String methodName) {
        return plans.stream().filter(plan -> plan.identity().methodName().equals(methodName)).findFirst()
                .orElseThrow(() -> new AssertionError("no plan for " + methodName + " in " + plans));
    }
}
