package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategiesTest {

    @Test
    void create_knownNames_caseInsensitive() {
        assertThat(Strategies.create("random", 1).describe()).isEqualTo("random(p=0.25)");
        assertThat(Strategies.create("PCT", 1).describe()).isEqualTo("pct(depth=3)");
        assertThat(Strategies.create("Pct", 1, "depth=5").describe()).isEqualTo("pct(depth=5)");
        assertThat(Strategies.create("pct", 1, "depth=2", "steps=40").describe()).isEqualTo("pct(depth=2, steps=40)");
        assertThat(Strategies.create("pos", 1).describe()).isEqualTo("pos");
        assertThat(Strategies.create("exhaustive", 1).describe()).isEqualTo("exhaustive(preemptions=2)");
        assertThat(Strategies.create("Exhaustive", 1, "preemptions=unbounded").describe())
                .isEqualTo("exhaustive(preemptions=unbounded)");
        assertThat(Strategies.create("portfolio", 1).describe()).startsWith("portfolio(");
        assertThat(Strategies.create("random", 1, "switchProbability=0.5").describe()).isEqualTo("random(p=0.5)");
    }

    @Test
    void create_withShard_splitsTheExploration() {
        assertThat(Strategies.create("pos", 1, "shard=1/4").describe()).isEqualTo("pos shard 1/4");
        assertThat(Strategies.create("exhaustive", 1, "shard=3/4", "preemptions=1").describe())
                .isEqualTo("exhaustive(preemptions=1) shard 3/4");
        assertThat(Strategies.create("pct", 1, "shard=0/1").describe()).isEqualTo("pct(depth=3)");
    }

    @Test
    void create_unknownName_listsValidNames() {
        assertThatThrownBy(() -> Strategies.create("dfs", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy \"dfs\", valid strategies are random, pct, pos, exhaustive, portfolio");
    }

    @Test
    void create_unknownOption_listsValidOptions() {
        assertThatThrownBy(() -> Strategies.create("pct", 1, "deep=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option \"deep=3\" for strategy pct, valid options are depth, shard, steps (each as key=value)");
    }

    @Test
    void create_badValues_sayWhatWasGiven() {
        assertThatThrownBy(() -> Strategies.create("pct", 1, "depth=0"))
                .hasMessage("depth must be a positive integer, was \"0\"");
        assertThatThrownBy(() -> Strategies.create("exhaustive", 1, "preemptions=-1"))
                .hasMessage("preemptions must be a non-negative integer or unbounded, was \"-1\"");
        assertThatThrownBy(() -> Strategies.create("random", 1, "switchProbability=2"))
                .hasMessage("switchProbability must be a number between 0 and 1, was \"2\"");
        assertThatThrownBy(() -> Strategies.create("pos", 1, "shard=4/4"))
                .hasMessage("shard index must be between 0 and 3, was 4");
        assertThatThrownBy(() -> Strategies.create("pos", 1, "shard=four"))
                .hasMessage("shard must be written index/count with 0 <= index < count, for example 0/4, was \"four\"");
    }

    @Test
    void shard_twice_isRejected() {
        Strategy once = Strategies.shard(new PosStrategy(1), new Shard(0, 2));
        assertThatThrownBy(() -> Strategies.shard(once, new Shard(1, 2)))
                .hasMessage("strategy is already sharded: pos shard 0/2");
    }

    @Test
    void parse_givesTheSpecificationCreateBuilds() {
        assertThat(Strategies.parse("random", "switchProbability=0.5")).isEqualTo(new StrategySpec.RandomWalk(0.5));
        assertThat(Strategies.parse("PCT", "depth=2", "steps=40")).isEqualTo(new StrategySpec.Pct(2, 40));
        assertThat(Strategies.parse("pos")).isEqualTo(new StrategySpec.Pos());
        assertThat(Strategies.parse("exhaustive")).isEqualTo(new StrategySpec.Exhaustive(2));
        assertThat(Strategies.parse("exhaustive", "preemptions=unbounded")).isEqualTo(StrategySpec.Exhaustive.UNBOUNDED);
        assertThat(Strategies.parse("portfolio")).isEqualTo(new StrategySpec.Portfolio());
        assertThat(new StrategySpec.Pct(2, 40).create(1).describe()).isEqualTo("pct(depth=2, steps=40)");
        assertThat(StrategySpec.Exhaustive.UNBOUNDED.create(1).describe()).isEqualTo("exhaustive(preemptions=unbounded)");
    }

    @Test
    void parse_shard_isNotAnOptionOfTheSpecification() {
        assertThatThrownBy(() -> Strategies.parse("pos", "shard=1/4"))
                .hasMessage("unknown option \"shard=1/4\" for strategy pos, valid options are none (each as key=value)");
    }

    @Test
    void specification_badValues_sayWhatWasGiven() {
        assertThatThrownBy(() -> new StrategySpec.Pct(0)).hasMessage("pct depth must be at least 1, was 0");
        assertThatThrownBy(() -> new StrategySpec.Exhaustive(-1)).hasMessage("preemption bound must be at least 0, was -1");
        assertThatThrownBy(() -> new StrategySpec.RandomWalk(1.5)).hasMessage("switch probability must be between 0 and 1, was 1.5");
    }

    @Test
    void spec_ofACreatedStrategy_isTheSpecificationThatCreatedIt() {
        for (StrategySpec spec : java.util.List.of(new StrategySpec.RandomWalk(0.5), new StrategySpec.Pct(2, 40), new StrategySpec.Pos(),
                new StrategySpec.Exhaustive(1), new StrategySpec.Portfolio())) {
            assertThat(spec.create(7).spec()).contains(spec);
        }
        PortfolioStrategy portfolio = new PortfolioStrategy(1);
        java.util.Set<StrategySpec> members = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            members.add(portfolio.memberFor(i).spec().orElseThrow());
        }
        assertThat(members).containsExactlyInAnyOrder(new StrategySpec.RandomWalk(), new StrategySpec.Pct(2), new StrategySpec.Pct(3),
                new StrategySpec.Pct(5), new StrategySpec.Pos());
    }
}
