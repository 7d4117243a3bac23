package dev.weft.models.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Building histories from Java values, as a recorder in the same JVM does. */
class HistoryTest {

  @Test
  void builder_javaValues_areNormalized() {
    Map<Integer, String> source = new LinkedHashMap<>();
    source.put(1, "a");
    source.put(2, null);

    History history =
        History.builder()
            .invoke(0, "putAll", source)
            .ok(0, null)
            .invoke(0, "keySet")
            .ok(0, new TreeSet<>(List.of(2, 1)))
            .invoke(1, "pollFirstEntry")
            .ok(1, new AbstractMap.SimpleEntry<>((short) 1, 'a'))
            .build();

    assertThat(history.operations().get(0).call()).isEqualTo("putAll([[1, \"a\"], [2, null]])");
    assertThat(history.operations().get(1).result().value()).isEqualTo(List.of(1L, 2L));
    assertThat(history.operations().get(2).toString()).isEqualTo("pollFirstEntry() -> [1, \"a\"]");
  }

  @Test
  void builder_secondInvocationInFlight_isRejected() {
    History.Builder builder = History.builder().invoke(0, "put", 1, 1);

    assertThatThrownBy(() -> builder.invoke(0, "get", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "thread 0 invokes get while put from event 1 is still in flight;"
                + " record its response first");
  }

  @Test
  void builder_responseWithoutInvocation_isRejected() {
    assertThatThrownBy(() -> History.builder().ok(3, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ok for thread 3 which has no operation in flight");
  }

  @Test
  void builder_unsupportedValue_namesItsType() {
    assertThatThrownBy(() -> History.builder().invoke(0, "put", 1, new Object() {
          @Override
          public String toString() {
            return "thing";
          }
        }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value must be null, a number, a string, a boolean, a list,")
        .hasMessageEndingWith(" thing");
  }

  @Test
  void builder_reset_startsAnEmptyHistory() {
    History.Builder builder = History.builder().invoke(0, "get", 1);

    History history = builder.reset().invoke(0, "size").ok(0, 0).build();

    assertThat(history.size()).isEqualTo(1);
    assertThat(history.events()).isEqualTo(2);
    assertThat(history.operations().get(0).invokedAt()).isZero();
  }

  @Test
  void result_exceptionWithoutPackage_matchesQualifiedName() {
    assertThat(Result.exception("NullPointerException")
            .matches(Result.exception("java.lang.NullPointerException")))
        .isTrue();
    assertThat(Result.exception("java.lang.IllegalStateException")
            .matches(Result.exception("java.lang.NullPointerException")))
        .isFalse();
    assertThat(Result.value(1).matches(Result.value(1L))).isTrue();
    assertThat(Result.value(1).matches(Result.value(1.0))).isFalse();
  }
}
