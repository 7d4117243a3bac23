package dev.weft.engine.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.Strategy;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategySpecMappingTest {

    @Test
    void everyStrategy_mapsToTheSchedulersSpecification() {
        assertThat(ControlledExplorer.strategySpec(Strategy.RANDOM, 2)).isEqualTo(new StrategySpec.RandomWalk());
        assertThat(ControlledExplorer.strategySpec(Strategy.PCT, 2)).isEqualTo(new StrategySpec.Pct());
        assertThat(ControlledExplorer.strategySpec(Strategy.POS, 2)).isEqualTo(new StrategySpec.Pos());
        assertThat(ControlledExplorer.strategySpec(Strategy.PORTFOLIO, 2)).isEqualTo(new StrategySpec.Portfolio());
        assertThat(ControlledExplorer.strategySpec(Strategy.DEFAULT, 2)).isEqualTo(new StrategySpec.Portfolio());
    }

    @Test
    void exhaustive_takesTheTestsPreemptionBound() {
        assertThat(ControlledExplorer.strategySpec(Strategy.EXHAUSTIVE, 0)).isEqualTo(new StrategySpec.Exhaustive(0));
        assertThat(ControlledExplorer.strategySpec(Strategy.EXHAUSTIVE, 5)).isEqualTo(new StrategySpec.Exhaustive(5));
    }

    @Test
    void kind_isTheInverse_forTheCountsPerStrategy() {
        for (Strategy strategy : List.of(Strategy.RANDOM, Strategy.PCT, Strategy.POS, Strategy.EXHAUSTIVE, Strategy.PORTFOLIO)) {
            assertThat(ControlledExplorer.kind(ControlledExplorer.strategySpec(strategy, 1))).isEqualTo(strategy);
        }
        // a portfolio's members are counted as what they are
        assertThat(ControlledExplorer.kind(new StrategySpec.Pct(5))).isEqualTo(Strategy.PCT);
        assertThat(ControlledExplorer.kind(new StrategySpec.Exhaustive(0))).isEqualTo(Strategy.EXHAUSTIVE);
    }
}
