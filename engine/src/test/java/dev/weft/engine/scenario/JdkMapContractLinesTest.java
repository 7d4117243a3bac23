package dev.weft.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.MapOperation;
import dev.weft.models.model.MapModel;
import dev.weft.models.model.WeakMapModel;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/** Which JDK maps have a documented weaker contract, which model judges them, and the lines a report quotes. */
class JdkMapContractLinesTest {

    private static MapScenarioSpec spec(Class<?> type, boolean defaults, MapOperation... operations) {
        return new MapScenarioSpec(type, List.of(0, 1), List.of(1, 2), List.of(operations), defaults);
    }

    @Test
    void onlyTheExactJdkClasses_haveTheirContract() {
        assertThat(JdkMapContract.of(ConcurrentHashMap.class)).contains(JdkMapContract.CONCURRENT_HASH_MAP);
        assertThat(JdkMapContract.of(ConcurrentSkipListMap.class)).contains(JdkMapContract.CONCURRENT_SKIP_LIST_MAP);
        assertThat(JdkMapContract.of(new ConcurrentHashMap<Integer, Integer>() {}.getClass())).isEmpty();
        assertThat(JdkMapContract.inherited(new ConcurrentHashMap<Integer, Integer>() {}.getClass()))
                .contains(JdkMapContract.CONCURRENT_HASH_MAP);
        assertThat(JdkMapContract.of(Hashtable.class)).isEmpty();
        assertThat(JdkMapContract.of(Collections.synchronizedMap(new HashMap<>()).getClass())).isEmpty();
    }

    @Test
    void defaultOperations_getTheDocumentedModel_namedOnes_theStrictModel() {
        MapOperation[] ops = {MapOperation.PUT, MapOperation.GET, MapOperation.SIZE, MapOperation.IS_EMPTY,
            MapOperation.PUT_ALL, MapOperation.POLL_FIRST_ENTRY};
        assertThat(JdkMapContract.CONCURRENT_HASH_MAP.model(spec(ConcurrentMap.class, false, ops)))
                .isSameAs(MapModel.of(spec(ConcurrentMap.class, false, ops).contract()));
        WeakMapModel weak = (WeakMapModel) JdkMapContract.CONCURRENT_HASH_MAP.model(
                spec(ConcurrentMap.class, true, MapOperation.PUT, MapOperation.GET, MapOperation.SIZE,
                        MapOperation.IS_EMPTY, MapOperation.PUT_ALL));
        assertThat(weak.weakOperations()).containsExactly("size", "isEmpty", "putAll");
        WeakMapModel skipList = (WeakMapModel) JdkMapContract.CONCURRENT_SKIP_LIST_MAP.model(
                spec(ConcurrentNavigableMap.class, true, ops));
        assertThat(skipList.weakOperations()).containsExactly("size", "putAll", "pollFirstEntry");
        assertThat(JdkMapContract.CONCURRENT_HASH_MAP.model(
                spec(ConcurrentMap.class, true, MapOperation.PUT, MapOperation.GET)))
                .isInstanceOf(MapModel.class);
    }

    @Test
    void contractLines_quoteOneSentencePerKind_inTheOrderOfTheOperations() {
        assertThat(JdkMapContract.CONCURRENT_HASH_MAP.contractLines(List.of(MapOperation.SIZE, MapOperation.PUT,
                MapOperation.CONTAINS_VALUE, MapOperation.CLEAR))).containsExactly(
                "ConcurrentHashMap documents size(), containsValue() as not atomic: \"Bear in mind that the results"
                        + " of aggregate status methods including size, isEmpty, and containsValue are typically useful"
                        + " only when a map is not undergoing concurrent updates in other threads.\"",
                "ConcurrentHashMap documents clear() as not atomic: \"For aggregate operations such as putAll and"
                        + " clear, concurrent retrievals may reflect insertion or removal of only some entries.\"");
        assertThat(JdkMapContract.CONCURRENT_SKIP_LIST_MAP.contractLines(List.of(MapOperation.VALUES)))
                .containsExactly("ConcurrentSkipListMap documents values() as not atomic: \"Iterators and spliterators"
                        + " are weakly consistent.\"");
        assertThat(JdkMapContract.CONCURRENT_SKIP_LIST_MAP.contractLines(List.of(MapOperation.IS_EMPTY))).isEmpty();
        assertThat(JdkMapContract.CONCURRENT_SKIP_LIST_MAP.contractLines(List.of(MapOperation.POLL_LAST_ENTRY)))
                .containsExactly("ConcurrentSkipListMap's Javadoc does not say pollFirstEntry() and pollLastEntry() are"
                        + " atomic, and they are not: each finds the first (last) entry, then removes it, and a key put"
                        + " before (after) it in between stays (JDK 17 and 25)");
    }
}
