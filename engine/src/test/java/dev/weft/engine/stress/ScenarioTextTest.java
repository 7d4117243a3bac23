package dev.weft.engine.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.MapCall;
import dev.weft.engine.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTextTest {

    @Test
    void format_thenParse_givesTheSameScenario() {
        Scenario<MapCall> scenario = new Scenario<>(0,
                List.of(MapCall.of(MapOperation.PUT_ALL, 1, 2, 3, 4)),
                List.of(List.of(MapCall.of(MapOperation.COMPUTE, 1, 2), MapCall.of(MapOperation.REMOVE, 1)),
                        List.of(MapCall.of(MapOperation.REMOVE_IF_EQUALS, 1, 2), MapCall.of(MapOperation.MERGE, 3, 1),
                                MapCall.of(MapOperation.COMPUTE_IF_ABSENT, 2, 5)),
                        List.of(MapCall.of(MapOperation.REPLACE_IF_EQUALS, 1, 2, 3), MapCall.of(MapOperation.COMPUTE_IF_PRESENT, 1, 4),
                                MapCall.of(MapOperation.GET, (Integer) null))),
                List.of(MapCall.of(MapOperation.SIZE), MapCall.of(MapOperation.ENTRY_SET)));

        String text = ScenarioText.format(scenario);

        assertThat(text).isEqualTo("before: putAll({1=2, 3=4}) | thread 1: compute(1, (k, v) -> v == null ? 2 : v + 2);"
                + " remove(1) | thread 2: remove(1, 2); merge(3, 1, Integer::sum); computeIfAbsent(2, k -> 5)"
                + " | thread 3: replace(1, 2, 3); computeIfPresent(1, (k, v) -> v + 4); get(null) | after: size(); entrySet()");
        assertThat(ScenarioText.parse(text)).isEqualTo(scenario);
    }

    @Test
    void parse_acceptsLineBreaksAndShortCallbacks() {
        Scenario<MapCall> scenario = ScenarioText.parse("thread 1: put(1, 1)\nthread 2: compute(1, 2); size()\n");

        assertThat(scenario.before()).isEmpty();
        assertThat(scenario.threads()).containsExactly(List.of(MapCall.of(MapOperation.PUT, 1, 1)),
                List.of(MapCall.of(MapOperation.COMPUTE, 1, 2), MapCall.of(MapOperation.SIZE)));
    }

    @Test
    void unknownOperation_isNamed_withTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioText.parse("thread 1: push(1, 2)"))
                .hasMessageStartingWith("unknown map operation \"push\" in \"push(1, 2)\"; use one of put, get, remove,");
    }

    @Test
    void wrongArgumentCount_isNamed_withAnExample() {
        assertThatThrownBy(() -> ScenarioText.parse("thread 1: put(1)"))
                .hasMessage("map call \"put(1)\" has 1 argument, which no \"put\" operation takes; write it as the"
                        + " reports do, such as \"put(1, 2)\"");
    }

    @Test
    void unlabelledPart_isNamed_withAnExample() {
        assertThatThrownBy(() -> ScenarioText.parse("put(1, 1) | size()"))
                .hasMessage("scenario part \"put(1, 1)\" has no label; start each part with \"before:\", \"thread N:\""
                        + " or \"after:\", as in \"thread 1: put(1, 1) | thread 2: put(2, 1); size()\"");
    }

    @Test
    void threadsOutOfOrder_areRejected() {
        assertThatThrownBy(() -> ScenarioText.parse("thread 2: size() | thread 1: size()"))
                .hasMessage("scenario part \"thread 2\" is out of order, expected \"thread 1\"; number the threads 1, 2, …"
                        + " and put \"after:\" last");
    }

    @Test
    void noThread_isRejected() {
        assertThatThrownBy(() -> ScenarioText.parse("before: put(1, 1)"))
                .hasMessageStartingWith("scenario has no thread, was \"before: put(1, 1)\"; write at least one part");
    }

    @Test
    void notACall_isRejected() {
        assertThatThrownBy(() -> ScenarioText.parse("thread 1: put 1 2"))
                .hasMessage("cannot read the map call \"put 1 2\"; write it as the reports do, such as \"put(1, 2)\" or \"size()\"");
    }
}
