package dev.weft.examples.striped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single-threaded behaviour of both striped maps: every operation, compared step by step with a
 * {@link HashMap} on a random sequence of calls.
 */
class StripedMapTest {

    static Stream<Arguments> maps() {
        return Stream.of(
                Arguments.of("StripedMap", (IntFunction<ConcurrentMap<Integer, Integer>>) StripedMap::new),
                Arguments.of("BuggyStripedMap", (IntFunction<ConcurrentMap<Integer, Integer>>) BuggyStripedMap::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maps")
    void randomOperations_matchHashMap(String name, IntFunction<ConcurrentMap<Integer, Integer>> factory) {
        for (int stripes : new int[] {1, 3, 4}) {
            ConcurrentMap<Integer, Integer> map = factory.apply(stripes);
            Map<Integer, Integer> reference = new HashMap<>();
            Random random = new Random(stripes);
            for (int step = 0; step < 5_000; step++) {
                int key = random.nextInt(12);
                int value = 1 + random.nextInt(3);
                int other = 1 + random.nextInt(3);
                String where = name + " with " + stripes + " stripes, step " + step;
                switch (random.nextInt(16)) {
                    case 0 -> assertThat(map.put(key, value)).as(where).isEqualTo(reference.put(key, value));
                    case 1 -> assertThat(map.get(key)).as(where).isEqualTo(reference.get(key));
                    case 2 -> assertThat(map.remove(key)).as(where).isEqualTo(reference.remove(key));
                    case 3 -> assertThat(map.containsKey(key)).as(where).isEqualTo(reference.containsKey(key));
                    case 4 -> assertThat(map.putIfAbsent(key, value)).as(where).isEqualTo(reference.putIfAbsent(key, value));
                    case 5 -> assertThat(map.remove(key, value)).as(where).isEqualTo(reference.remove(key, value));
                    case 6 -> assertThat(map.replace(key, value)).as(where).isEqualTo(reference.replace(key, value));
                    case 7 -> assertThat(map.replace(key, value, other)).as(where)
                            .isEqualTo(reference.replace(key, value, other));
                    case 8 -> assertThat(map.merge(key, value, Integer::sum)).as(where)
                            .isEqualTo(reference.merge(key, value, Integer::sum));
                    case 9 -> assertThat(map.compute(key, (k, old) -> old == null ? value : old + value)).as(where)
                            .isEqualTo(reference.compute(key, (k, old) -> old == null ? value : old + value));
                    case 10 -> assertThat(map.computeIfAbsent(key, k -> value)).as(where)
                            .isEqualTo(reference.computeIfAbsent(key, k -> value));
                    case 11 -> assertThat(map.computeIfPresent(key, (k, old) -> old + value)).as(where)
                            .isEqualTo(reference.computeIfPresent(key, (k, old) -> old + value));
                    case 12 -> assertThat(map.containsValue(value)).as(where).isEqualTo(reference.containsValue(value));
                    case 13 -> {
                        map.putAll(Map.of(key, value, key + 100, other));
                        reference.putAll(Map.of(key, value, key + 100, other));
                    }
                    case 14 -> {
                        if (random.nextInt(10) == 0) {
                            map.clear();
                            reference.clear();
                        }
                    }
                    default -> assertThat(map.getOrDefault(key, -1)).as(where).isEqualTo(reference.getOrDefault(key, -1));
                }
                assertThat(map.size()).as(where).isEqualTo(reference.size());
                assertThat(map.isEmpty()).as(where).isEqualTo(reference.isEmpty());
            }
            assertThat(map).isEqualTo(reference);
            assertThat(map.entrySet()).isEqualTo(reference.entrySet());
        }
    }

    @Test
    void stripeCount_belowOne_isRejectedWithTheValue() {
        assertThatThrownBy(() -> new StripedMap<String, String>(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stripeCount must be at least 1, was 0");
        assertThat(new BuggyStripedMap<String, String>(8).stripeCount()).isEqualTo(8);
    }

    @Test
    void nullKeysAndValues_areRejectedLikeConcurrentHashMap() {
        var map = new StripedMap<String, String>(4);
        assertThatThrownBy(() -> map.put(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.put("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
        assertThat(map).isEmpty();
    }
}
