package dev.weft.scheduler.raceprograms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prints the report of each racy program, as a reader of the test output sees it. */
class RaceReportDemoTest {

    @Test
    void printReports() {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Map<String, Program> programs = Map.of("lazyInit", RacePrograms.lazyInit(), "plainHandoff", RacePrograms.plainHandoff(),
                "twoPuts", RacePrograms.twoPuts(), "iterateWhilePut", RacePrograms.iterateWhilePut(), "twoLocks",
                RacePrograms.twoLocks());
        programs.forEach((name, program) -> {
            Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Pos(), 3, 1_000).withDetection(DetectionMode.FAIL));
            Outcome outcome = exploration.failure().orElseThrow().outcome();
            System.out.println("== " + name + " (execution " + exploration.failure().orElseThrow().execution() + ")");
            System.out.println(outcome.headline());
            System.out.println(outcome.details());
            assertThat(outcome).isInstanceOfAny(Outcome.DataRace.class, Outcome.CollectionMisuse.class);
        });
    }
}
