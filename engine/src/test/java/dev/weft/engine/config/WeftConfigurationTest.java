package dev.weft.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.api.Strategy;
import dev.weft.scheduler.strategy.Shard;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeftConfigurationTest {

    private static WeftConfiguration parse(Map<String, String> values) {
        return WeftConfiguration.parse(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void nothingSet_builtInDefaults() {
        WeftConfiguration configuration = parse(Map.of());

        assertThat(configuration).isEqualTo(WeftConfiguration.defaults());
        assertThat(configuration.seed()).isEmpty();
        assertThat(configuration.replay()).isEmpty();
        assertThat(configuration.schedulesDefault()).isEqualTo(200);
        assertThat(configuration.scenariosDefault()).isEqualTo(50);
        assertThat(configuration.strategyDefault()).isEqualTo(Strategy.PORTFOLIO);
        assertThat(configuration.preemptionBoundDefault()).isEqualTo(2);
        assertThat(configuration.timeBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(configuration.shard()).isEqualTo(Shard.WHOLE);
        assertThat(configuration.failuresStore()).contains(Paths.get("target/weft/failures"));
        assertThat(configuration.races()).isEqualTo(RaceMode.FAIL);
        assertThat(configuration.racesSuppress()).isEmpty();
        assertThat(configuration.shrink()).isTrue();
        assertThat(configuration.progressInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyKeySet_parsed() {
        WeftConfiguration configuration = parse(Map.ofEntries(
                Map.entry("weft.seed", " 8412331907 "),
                Map.entry("weft.replay", "w1.AbCd"),
                Map.entry("weft.schedules.default", "1000"),
                Map.entry("weft.scenarios.default", "7"),
                Map.entry("weft.strategy.default", "pct"),
                Map.entry("weft.preemptionBound.default", "0"),
                Map.entry("weft.timeBudget", "2m"),
                Map.entry("weft.shard", "1/3"),
                Map.entry("weft.failures.store", ""),
                Map.entry("weft.races", "Warn"),
                Map.entry("weft.races.suppress", "com.example.Cache.hits, com.example.internal.*"),
                Map.entry("weft.shrink", "false"),
                Map.entry("weft.progress.interval", "0"),
                Map.entry("weft.statics.keep", "com.example.Registry, com.example.cache.*")));

        assertThat(configuration.seed()).hasValue(8412331907L);
        assertThat(configuration.replay()).contains("w1.AbCd");
        assertThat(configuration.schedulesDefault()).isEqualTo(1000);
        assertThat(configuration.scenariosDefault()).isEqualTo(7);
        assertThat(configuration.strategyDefault()).isEqualTo(Strategy.PCT);
        assertThat(configuration.preemptionBoundDefault()).isZero();
        assertThat(configuration.timeBudget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(configuration.staticsKeep()).containsExactly("com.example.Registry", "com.example.cache.*");
        assertThat(configuration.shard()).isEqualTo(new Shard(1, 3));
        assertThat(configuration.failuresStore()).isEmpty();
        assertThat(configuration.races()).isEqualTo(RaceMode.WARN);
        assertThat(configuration.racesSuppress()).containsExactly("com.example.Cache.hits", "com.example.internal.*");
        assertThat(configuration.shrink()).isFalse();
        assertThat(configuration.progressInterval()).isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "weft.shard|2/2|weft.shard must be i/N with 0 <= i < N, was 2/2",
        "weft.shard|half|weft.shard must be i/N with 0 <= i < N, was half",
        "weft.seed|-3|weft.seed must be a non-negative decimal number such as 8412331907, was -3",
        "weft.seed|0x1F|weft.seed must be a non-negative decimal number such as 8412331907, was 0x1F",
        "weft.replay|w1.a b|weft.replay must be a token printed by a failed run, such as w1.AbCd (letters, digits, - and _ after w<version>.), was w1.a b",
        "weft.schedules.default|0|weft.schedules.default must be a whole number of at least 1, was 0",
        "weft.scenarios.default|many|weft.scenarios.default must be a whole number of at least 1, was many",
        "weft.strategy.default|DEFAULT|weft.strategy.default must be one of RANDOM, PCT, POS, EXHAUSTIVE, PORTFOLIO, was DEFAULT",
        "weft.preemptionBound.default|-1|weft.preemptionBound.default must be a whole number of at least 0, was -1",
        "weft.timeBudget|-5s|weft.timeBudget must be a duration such as 30s, 1500ms, 2m or PT30S (0 = no limit), was -5s",
        "weft.races|loud|weft.races must be one of fail, warn, off, was loud",
        "weft.races.suppress|a..b|weft.races.suppress must be a comma-separated list of fields, classes or package.* patterns, was a..b",
        "weft.shrink|yes|weft.shrink must be true or false, was yes",
        "weft.statics.keep|com.example.Bad Name|weft.statics.keep must be a comma-separated list of fully qualified class names or package.* patterns, was com.example.Bad Name",
        "weft.progress.interval|often|weft.progress.interval must be a duration such as 30s, 1500ms, 2m or PT30S (0 = no limit), was often",
    })
    void badValue_namesKeyValueAndRemedy(String key, String value, String message) {
        assertThatThrownBy(() -> parse(Map.of(key, value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void severalBadValues_allReportedAtOnce() {
        assertThatThrownBy(() -> parse(Map.of("weft.shard", "3/2", "weft.races", "maybe")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "weft.shard must be i/N with 0 <= i < N, was 3/2",
                        "weft.races must be one of fail, warn, off, was maybe"));
    }

    @Test
    void emptySeedAndReplay_meanUnset() {
        WeftConfiguration configuration = parse(Map.of("weft.seed", "", "weft.replay", " "));

        assertThat(configuration.seed()).isEmpty();
        assertThat(configuration.replay()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"30, PT30S", "1500ms, PT1.5S", "2m, PT2M", "1h, PT1H", "PT45S, PT45S", "pt1m, PT1M", "0, PT0S", "10 s, PT10S"})
    void durationText_acceptedForms(String text, String expected) {
        assertThat(DurationText.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"soon", "-1", "1.5s", "PT-3S", "s", "3d"})
    void durationText_rejectedForms(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }

    @Test
    void durationText_format() {
        assertThat(List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(1500)))
                .extracting(DurationText::format).containsExactly("0", "30s", "1500ms");
    }

    @Test
    void shards_partitionEveryUnitExactlyOnce() {
        List<Shard> shards = List.of(new Shard(0, 3), new Shard(1, 3), new Shard(2, 3));
        for (long unit = 0; unit < 100; unit++) {
            long owning = unit;
            assertThat(shards.stream().filter(shard -> shard.owns(owning)).count()).isEqualTo(1);
        }
        assertThat(Shard.WHOLE.owns(41)).isTrue();
        assertThat(Shard.parse(" 1 / 4 ")).isEqualTo(new Shard(1, 4));
        assertThatThrownBy(() -> Shard.parse("0/0")).hasMessage("shard count must be at least 1, was 0");
        assertThat(new Shard(2, 5)).hasToString("2/5");
    }

    @Test
    void shardIndices_disjointHalvesWhoseUnionIsTheWhole() {
        List<Integer> first = new Shard(0, 2).indices(7).boxed().toList();
        List<Integer> second = new Shard(1, 2).indices(7).boxed().toList();

        assertThat(first).containsExactly(0, 2, 4, 6);
        assertThat(second).containsExactly(1, 3, 5);
        assertThat(Shard.WHOLE.indices(7).boxed().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(new Shard(3, 4).indices(3)).isEmpty();
    }

    @Test
    void seedText_largestLongAcceptedOverflowRejected() {
        assertThat(SeedText.parse("9223372036854775807")).hasValue(Long.MAX_VALUE);
        assertThat(SeedText.parse("9223372036854775808")).isEmpty();
    }

    @Test
    void maxSteps_parsed_andABadValueNamesTheKey() {
        assertThat(parse(Map.of()).maxStepsDefault()).isEqualTo(10_000_000L);
        assertThat(parse(Map.of("weft.maxSteps", " 50000000 ")).maxStepsDefault()).isEqualTo(50_000_000L);
        assertThatThrownBy(() -> parse(Map.of("weft.maxSteps", "0")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "weft.maxSteps must be a whole number of at least 1, was 0"));
    }
}
