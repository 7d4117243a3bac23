package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime's example programs with the race and misuse detectors on: the fixed versions (locks,
 * latches, executors, wait/notify, spin on a volatile) have no finding in thousands of executions;
 * the racy ones are reported at the racy access, before their wrong result.
 */
class ProgramsUnderDetectorsTest {

    private static final int CLEAN_RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000);

    static Stream<RuntimeProgramsTest.Case> cases() {
        return RuntimeProgramsTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixedProgram_hasNoFinding(RuntimeProgramsTest.Case c) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(c.program().apply(true),
                ExplorationSettings.of(new StrategySpec.Portfolio(), 9, CLEAN_RUNS).withDetection(DetectionMode.FAIL));
        assertThat(exploration.failure()).as(() -> exploration.failure().map(f -> f.outcome().headline() + "\n"
                + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(CLEAN_RUNS);
    }

    static Stream<String> racyPrograms() {
        return Stream.of("hashMapPut", "counter", "executorRace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("racyPrograms")
    void racyProgram_isReportedByADetector(String name) {
        RuntimeProgramsTest.Case c = RuntimeProgramsTest.cases().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(c.program().apply(false),
                ExplorationSettings.of(new StrategySpec.Portfolio(), 9, 500).withDetection(DetectionMode.FAIL));
        assertThat(exploration.failure()).isPresent();
        assertThat(exploration.failure().orElseThrow().outcome())
                .isInstanceOfAny(Outcome.DataRace.class, Outcome.CollectionMisuse.class);
    }
}
