package dev.weft.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.MapOperation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapScenarioGeneratorTest {

    private static final MapScenarioSpec SPEC = new MapScenarioSpec(java.util.concurrent.ConcurrentMap.class,
            List.of(0, 1, 2), List.of(1, 2, 3), List.of(MapOperation.PUT, MapOperation.GET, MapOperation.REMOVE,
                    MapOperation.SIZE, MapOperation.PUT_ALL, MapOperation.REPLACE_IF_EQUALS, MapOperation.MERGE));

    private final MapScenarioGenerator generator = new MapScenarioGenerator(SPEC, new ScenarioShape(3, 4, 1, 2));

    @Test
    void sameSeedAndIndex_sameScenario() {
        assertThat(generator.generate(42, 7)).isEqualTo(generator.generate(42, 7));
        assertThat(new MapScenarioGenerator(SPEC, new ScenarioShape(3, 4, 1, 2)).generate(42, 7))
                .isEqualTo(generator.generate(42, 7));
    }

    @Test
    void differentIndexOrSeed_differentScenarios() {
        Set<Scenario<MapCall>> scenarios = new HashSet<>();
        for (int index = 0; index < 50; index++) {
            scenarios.add(generator.generate(42, index));
        }
        assertThat(scenarios).hasSizeGreaterThan(45);
        assertThat(generator.generate(43, 0)).isNotEqualTo(generator.generate(42, 0));
    }

    @Test
    void scenario_hasTheShape() {
        Scenario<MapCall> scenario = generator.generate(1, 0);

        assertThat(scenario.index()).isZero();
        assertThat(scenario.before()).hasSize(1);
        assertThat(scenario.threads()).hasSize(3).allSatisfy(calls -> assertThat(calls).hasSize(4));
        assertThat(scenario.after()).hasSize(2);
        assertThat(scenario.size()).isEqualTo(15);
    }

    @Test
    void calls_drawOnlyFromTheSpec() {
        for (int index = 0; index < 200; index++) {
            Scenario<MapCall> scenario = generator.generate(5, index);
            List<MapCall> calls = new java.util.ArrayList<>(scenario.before());
            scenario.threads().forEach(calls::addAll);
            calls.addAll(scenario.after());
            for (MapCall call : calls) {
                assertThat(SPEC.operations()).contains(call.operation());
                switch (call.operation().shape()) {
                    case KEY_VALUE -> {
                        assertThat(SPEC.keys()).contains(call.argument(0));
                        assertThat(SPEC.values()).contains(call.argument(1));
                    }
                    case ENTRIES -> {
                        assertThat(call.entries()).hasSize(2);
                        assertThat(SPEC.keys()).containsAll(call.entries().keySet());
                    }
                    default -> { }
                }
            }
        }
    }

    @Test
    void everyOperationDrawn_overManyScenarios() {
        Set<MapOperation> seen = new HashSet<>();
        for (int index = 0; index < 100; index++) {
            generator.generate(9, index).threads().forEach(calls -> calls.forEach(call -> seen.add(call.operation())));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(SPEC.operations());
    }

    @Test
    void pinnedScenario_sameOnEveryJdk() {
        // Replay tokens rely on this: change it only together with the token format version.
        MapScenarioGenerator small = new MapScenarioGenerator(SPEC, new ScenarioShape(2, 2, 0, 0));

        assertThat(small.generate(8412331907L, 3).threads().toString()).isEqualTo(PINNED);
    }

    private static final String PINNED = "[[replace(1, 3, 3), size()], [remove(0), replace(0, 2, 2)]]";
}
