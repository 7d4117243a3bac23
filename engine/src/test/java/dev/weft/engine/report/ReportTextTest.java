package dev.weft.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void textTable_columnsPaddedToWidestCell() {
        String table = TextTable.render(List.of("thread 1", "thread 2"),
                List.of(List.of("put(1, 2): null", "clear(): void"), List.of("size(): 1")));

        assertThat(table).isEqualTo(""
                + "| thread 1        | thread 2      |\n"
                + "| put(1, 2): null | clear(): void |\n"
                + "| size(): 1       |               |");
    }

    @Test
    void textTable_countsCodePoints() {
        assertThat(TextTable.render(List.of("a"), List.of(List.of("x ➜ 1"))))
                .isEqualTo("| a     |\n| x ➜ 1 |");
    }

    @Test
    void scenarioTable_withResultsBeforeAndAfter() {
        Scenario<MapCall> scenario = new Scenario<>(0,
                List.of(MapCall.of(MapOperation.PUT, 0, 1)),
                List.of(List.of(MapCall.of(MapOperation.PUT, 1, 2), MapCall.of(MapOperation.SIZE)),
                        List.of(MapCall.of(MapOperation.CLEAR), MapCall.of(MapOperation.FIRST_KEY))),
                List.of(MapCall.of(MapOperation.SIZE)));
        Scenario<Optional<CallResult>> results = new Scenario<>(0,
                List.of(Optional.of(new CallResult.Returned(null))),
                List.of(List.of(Optional.of(new CallResult.Returned(null)), Optional.of(new CallResult.Returned(1))),
                        List.of(Optional.of(new CallResult.ReturnedVoid()), Optional.empty())),
                List.of(Optional.of(CallResult.Threw.of(new IllegalStateException("stuck")))));

        String text = ScenarioTable.render(ScenarioTable.cells(scenario, MapCall::render, results));

        assertThat(text).isEqualTo(""
                + "| before          |\n"
                + "| put(0, 1): null |\n"
                + "\n"
                + "| thread 1        | thread 2            |\n"
                + "| put(1, 2): null | clear(): void       |\n"
                + "| size(): 1       | firstKey(): pending |\n"
                + "\n"
                + "| after                         |\n"
                + "| size(): IllegalStateException |");
    }

    @Test
    void scenarioTable_callsOnly_unevenThreads() {
        Scenario<MapCall> scenario = new Scenario<>(3, List.of(), List.of(
                List.of(MapCall.of(MapOperation.GET, 1)),
                List.of(MapCall.of(MapOperation.REMOVE, 1), MapCall.of(MapOperation.PUT, 1, 3)),
                List.of(MapCall.of(MapOperation.IS_EMPTY))), List.of());

        assertThat(ScenarioTable.render(ScenarioTable.cells(scenario, MapCall::render))).isEqualTo(""
                + "| thread 1 | thread 2  | thread 3  |\n"
                + "| get(1)   | remove(1) | isEmpty() |\n"
                + "|          | put(1, 3) |           |");
    }

    @Test
    void replayLines_exactFormat() {
        assertThat(ReplayLines.seedLine(8412331907L)).isEqualTo("seed = 8412331907");
        assertThat(ReplayLines.replayLine("w1.AbCd"))
                .isEqualTo("replay: @ConcurrencyTest(replay = \"w1.AbCd\")   or   -Dweft.replay=w1.AbCd");
    }

    @Test
    void failureReport_topToBottom() {
        String scenario = TextTable.render(List.of("thread 1", "thread 2"),
                List.of(List.of("put(1, 2): null", "clear(): void"), List.of("size(): 1", "")));
        FailureReport report = new FailureReport("not linearizable", "StripedMapTest.stripedMap",
                "scenario 7 of 200, execution 312",
                List.of(new FailureReport.Section("Scenario (shrunk from 3×3 to 2×2 operations)", scenario),
                        new FailureReport.Section("Why", "no sequential order explains size() = 1")),
                8412331907L, Optional.of("w1.AbCd"));

        assertThat(report.render()).isEqualTo(""
                + "Weft: not linearizable — StripedMapTest.stripedMap  (scenario 7 of 200, execution 312)\n"
                + "\n"
                + "Scenario (shrunk from 3×3 to 2×2 operations):\n"
                + "| thread 1        | thread 2      |\n"
                + "| put(1, 2): null | clear(): void |\n"
                + "| size(): 1       |               |\n"
                + "\n"
                + "Why: no sequential order explains size() = 1\n"
                + "\n"
                + "seed = 8412331907\n"
                + "replay: @ConcurrencyTest(replay = \"w1.AbCd\")   or   -Dweft.replay=w1.AbCd");
    }

    @Test
    void failureReport_withoutLocationOrToken() {
        FailureReport report = new FailureReport("deadlock", "Bank.transfer", "", List.of(), 1, Optional.empty());

        assertThat(report.render()).isEqualTo(""
                + "Weft: deadlock — Bank.transfer\n"
                + "\n"
                + "seed = 1\n"
                + "replay: no token could be made for this failure");
    }

    @Test
    void failureReport_leavesOutASectionWithNothingInIt() {
        FailureReport report = new FailureReport("exception in thread 0: java.lang.AssertionError: lost", "T.m", "",
                List.of(new FailureReport.Section("What happened", "  \n"),
                        new FailureReport.Section("Interleaving (0 switches)", "", FailureReport.Kind.INTERLEAVING)),
                1, Optional.empty());

        assertThat(report.sections()).isEmpty();
        assertThat(report.render()).isEqualTo(""
                + "Weft: exception in thread 0: java.lang.AssertionError: lost — T.m\n"
                + "\n"
                + "seed = 1\n"
                + "replay: no token could be made for this failure");
    }
}
