package dev.weft.engine.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.MapOperation;
import dev.weft.engine.scenario.CallResult;
import dev.weft.engine.scenario.CallResult.Returned;
import dev.weft.engine.scenario.CallResult.ReturnedVoid;
import dev.weft.engine.scenario.CallResult.Threw;
import dev.weft.engine.scenario.MapCall;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class PreparedCallTest {

    private static CallResult run(Map<Integer, Integer> map, MapOperation operation, Integer... arguments) {
        return new PreparedCall(new MapCall(operation, Arrays.asList(arguments))).invoke(map);
    }

    @Test
    void hashMap_basicOperations() {
        Map<Integer, Integer> map = new HashMap<>();

        assertThat(run(map, MapOperation.PUT, 1, 2)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.PUT, 1, 3)).isEqualTo(new Returned(2));
        assertThat(run(map, MapOperation.GET, 1)).isEqualTo(new Returned(3));
        assertThat(run(map, MapOperation.CONTAINS_KEY, 2)).isEqualTo(new Returned(false));
        assertThat(run(map, MapOperation.CONTAINS_VALUE, 3)).isEqualTo(new Returned(true));
        assertThat(run(map, MapOperation.SIZE)).isEqualTo(new Returned(1));
        assertThat(run(map, MapOperation.IS_EMPTY)).isEqualTo(new Returned(false));
        assertThat(run(map, MapOperation.GET_OR_DEFAULT, 5, 9)).isEqualTo(new Returned(9));
        assertThat(run(map, MapOperation.PUT_ALL, 2, 4, 0, 5)).isEqualTo(new ReturnedVoid());
        assertThat(run(map, MapOperation.KEY_SET)).isEqualTo(new Returned(List.of(0, 1, 2)));
        assertThat(run(map, MapOperation.VALUES)).isEqualTo(new Returned(List.of(3, 4, 5)));
        assertThat(run(map, MapOperation.ENTRY_SET).render()).isEqualTo("[0=5, 1=3, 2=4]");
        assertThat(run(map, MapOperation.REMOVE, 1)).isEqualTo(new Returned(3));
        assertThat(run(map, MapOperation.CLEAR)).isEqualTo(new ReturnedVoid());
        assertThat(map).isEmpty();
    }

    @Test
    void hashMap_nullKeyAllowed() {
        Map<Integer, Integer> map = new HashMap<>();

        assertThat(run(map, MapOperation.PUT, null, 1)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.GET, (Integer) null)).isEqualTo(new Returned(1));
    }

    @Test
    void concurrentHashMap_conditionalOperations() {
        Map<Integer, Integer> map = new ConcurrentHashMap<>();

        assertThat(run(map, MapOperation.PUT_IF_ABSENT, 1, 2)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.PUT_IF_ABSENT, 1, 3)).isEqualTo(new Returned(2));
        assertThat(run(map, MapOperation.REPLACE_IF_EQUALS, 1, 3, 4)).isEqualTo(new Returned(false));
        assertThat(run(map, MapOperation.REPLACE_IF_EQUALS, 1, 2, 4)).isEqualTo(new Returned(true));
        assertThat(run(map, MapOperation.REPLACE, 1, 5)).isEqualTo(new Returned(4));
        assertThat(run(map, MapOperation.REPLACE, 2, 5)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.COMPUTE_IF_ABSENT, 1, 9)).isEqualTo(new Returned(5));
        assertThat(run(map, MapOperation.COMPUTE_IF_ABSENT, 2, 9)).isEqualTo(new Returned(9));
        assertThat(run(map, MapOperation.COMPUTE_IF_PRESENT, 2, 1)).isEqualTo(new Returned(10));
        assertThat(run(map, MapOperation.COMPUTE_IF_PRESENT, 3, 1)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.COMPUTE, 3, 2)).isEqualTo(new Returned(2));
        assertThat(run(map, MapOperation.COMPUTE, 3, 2)).isEqualTo(new Returned(4));
        assertThat(run(map, MapOperation.MERGE, 3, 1)).isEqualTo(new Returned(5));
        assertThat(run(map, MapOperation.MERGE, 0, 1)).isEqualTo(new Returned(1));
        assertThat(run(map, MapOperation.REMOVE_IF_EQUALS, 0, 2)).isEqualTo(new Returned(false));
        assertThat(run(map, MapOperation.REMOVE_IF_EQUALS, 0, 1)).isEqualTo(new Returned(true));
    }

    @Test
    void concurrentHashMap_nullKeyOrValue_nullPointerExceptionCapturedAsResult() {
        Map<Integer, Integer> map = new ConcurrentHashMap<>();

        CallResult put = run(map, MapOperation.PUT, null, 1);
        assertThat(put).isEqualTo(new Threw(NullPointerException.class, "ignored: equal by type"));
        assertThat(put.render()).isEqualTo("NullPointerException");
        assertThat(run(map, MapOperation.PUT, 1, null)).isInstanceOf(Threw.class);
        assertThat(run(map, MapOperation.GET, (Integer) null)).isEqualTo(Threw.of(new NullPointerException()));
        assertThat(map).isEmpty();
    }

    @Test
    void concurrentSkipListMap_navigation() {
        Map<Integer, Integer> map = new ConcurrentSkipListMap<>();

        assertThat(run(map, MapOperation.FIRST_KEY)).isEqualTo(Threw.of(new NoSuchElementException()));
        assertThat(run(map, MapOperation.POLL_FIRST_ENTRY)).isEqualTo(new Returned(null));
        run(map, MapOperation.PUT_ALL, 3, 30, 1, 10);
        run(map, MapOperation.PUT, 5, 50);
        assertThat(run(map, MapOperation.FIRST_KEY)).isEqualTo(new Returned(1));
        assertThat(run(map, MapOperation.LAST_KEY)).isEqualTo(new Returned(5));
        assertThat(run(map, MapOperation.FLOOR_KEY, 4)).isEqualTo(new Returned(3));
        assertThat(run(map, MapOperation.CEILING_KEY, 4)).isEqualTo(new Returned(5));
        assertThat(run(map, MapOperation.LOWER_KEY, 1)).isEqualTo(new Returned(null));
        assertThat(run(map, MapOperation.HIGHER_KEY, 3)).isEqualTo(new Returned(5));
        assertThat(run(map, MapOperation.POLL_FIRST_ENTRY)).isEqualTo(new Returned(new SimpleImmutableEntry<>(1, 10)));
        assertThat(run(map, MapOperation.POLL_LAST_ENTRY).render()).isEqualTo("5=50");
        assertThat(run(map, MapOperation.GET, (Integer) null)).isEqualTo(Threw.of(new NullPointerException()));
        assertThat(map).containsExactly(Map.entry(3, 30));
    }

    @Test
    void everyOperation_handledOnASkipListMap() {
        for (MapOperation operation : MapOperation.values()) {
            Integer[] arguments = switch (operation.shape()) {
                case NONE -> new Integer[0];
                case KEY, VALUE -> new Integer[] {1};
                case KEY_VALUE, ENTRIES -> new Integer[] {1, 2};
                case KEY_VALUE_VALUE -> new Integer[] {1, 2, 3};
            };
            assertThat(run(new ConcurrentSkipListMap<>(), operation, arguments)).as(operation.name()).isNotNull();
        }
    }

    @Test
    void calls_renderAsInReports() {
        assertThat(MapCall.of(MapOperation.PUT, 1, 2).render()).isEqualTo("put(1, 2)");
        assertThat(MapCall.of(MapOperation.SIZE).render()).isEqualTo("size()");
        assertThat(MapCall.of(MapOperation.REPLACE_IF_EQUALS, 1, 2, 3).render()).isEqualTo("replace(1, 2, 3)");
        assertThat(MapCall.of(MapOperation.PUT_ALL, 2, 4, 0, 5).render()).isEqualTo("putAll({2=4, 0=5})");
        assertThat(MapCall.of(MapOperation.COMPUTE_IF_ABSENT, 1, 2).render()).isEqualTo("computeIfAbsent(1, k -> 2)");
        assertThat(MapCall.of(MapOperation.COMPUTE_IF_PRESENT, 1, 2).render()).isEqualTo("computeIfPresent(1, (k, v) -> v + 2)");
        assertThat(MapCall.of(MapOperation.COMPUTE, 1, 2).render()).isEqualTo("compute(1, (k, v) -> v == null ? 2 : v + 2)");
        assertThat(MapCall.of(MapOperation.MERGE, 1, 2).render()).isEqualTo("merge(1, 2, Integer::sum)");
        assertThat(MapCall.of(MapOperation.PUT, null, 2).render()).isEqualTo("put(null, 2)");
    }

    @Test
    void operations_knowTheirInterfacesAndReach() {
        assertThat(MapOperation.FIRST_KEY.isSupportedBy(java.util.concurrent.ConcurrentMap.class)).isFalse();
        assertThat(MapOperation.FIRST_KEY.isSupportedBy(java.util.TreeMap.class)).isTrue();
        assertThat(MapOperation.PUT_IF_ABSENT.isSupportedBy(Map.class)).isTrue();
        assertThat(MapOperation.PUT_IF_ABSENT.isDefaultFor(Map.class)).isFalse();
        assertThat(MapOperation.PUT_IF_ABSENT.isDefaultFor(ConcurrentHashMap.class)).isTrue();
        assertThat(MapOperation.SIZE.isWholeMap()).isTrue();
        assertThat(MapOperation.MERGE.isWholeMap()).isFalse();
    }
}
