package dev.weft.models.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.models.history.History;
import dev.weft.models.history.Operation;
import dev.weft.models.model.MapModel;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading JSON Lines histories, and rejecting every malformed one with its line and problem. */
class HistoryReaderTest {

  private static History read(String text) throws Exception {
    return new HistoryReader(MapModel.named("map")).read(new StringReader(text));
  }

  @Test
  void read_issueExample_buildsOperationsWithPositionsAndResults() throws Exception {
    History history =
        read(
            String.join(
                "\n",
                "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}",
                "{\"thread\": 1, \"type\": \"invoke\", \"op\": \"get\", \"args\": [1]}",
                "{\"thread\": 0, \"type\": \"ok\", \"value\": null}",
                "{\"thread\": 1, \"type\": \"ok\", \"value\": 10}",
                "{\"thread\": 2, \"type\": \"invoke\", \"op\": \"remove\", \"args\": [7]}",
                "{\"thread\": 2, \"type\": \"fail\", \"error\": \"java.lang.NullPointerException\"}",
                "{\"thread\": 3, \"type\": \"invoke\", \"op\": \"clear\", \"args\": []}",
                ""));

    List<Operation> ops = history.operations();
    assertThat(ops).hasSize(4);
    assertThat(ops.get(0).toString()).isEqualTo("put(1, 10) -> null");
    assertThat(ops.get(0).invokedAt()).isZero();
    assertThat(ops.get(0).respondedAt()).isEqualTo(2);
    assertThat(ops.get(1).toString()).isEqualTo("get(1) -> 10");
    assertThat(ops.get(2).result().exceptionType()).isEqualTo("java.lang.NullPointerException");
    assertThat(ops.get(3).isPending()).isTrue();
    assertThat(ops.get(3).respondedAt()).isEqualTo(-1);
  }

  @Test
  void read_valuesOfEveryJsonType_keepTheirJavaType() throws Exception {
    History history =
        read(
            "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"putAll\","
                + " \"args\": [[[\"a\", true], [1.5, null], [-3, \"x\"]]]}\n"
                + "{\"thread\": 0, \"type\": \"ok\", \"value\": null}\n");

    assertThat(history.operations().get(0).arg(0))
        .isEqualTo(List.of(List.of("a", true), java.util.Arrays.asList(1.5, null), List.of(-3L, "x")));
  }

  @Test
  void read_info_leavesOperationPendingAndThreadFree() throws Exception {
    History history =
        read(
            "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}\n"
                + "{\"thread\": 0, \"type\": \"info\"}\n"
                + "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"get\", \"args\": [1]}\n"
                + "{\"thread\": 0, \"type\": \"ok\", \"value\": 10}\n");

    assertThat(history.operations().get(0).isPending()).isTrue();
    assertThat(history.operations().get(1).result().value()).isEqualTo(10L);
  }

  private static final String PUT = "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          truncated line | {"thread": 0, "type": "invoke", "op": "put", "args": [1, | line 2: truncated JSON: the line ends before the event object closes
          response without invocation | {"thread": 1, "type": "ok", "value": 3} | line 2: ok for thread 1 which has no operation in flight; a response follows its thread's invoke
          two operations in flight | {"thread": 0, "type": "invoke", "op": "get", "args": [1]} | line 2: thread 0 invokes get while put from line 1 is still in flight; a thread has one operation at a time, so add the response of line 1 first
          unknown operation | {"thread": 1, "type": "invoke", "op": "gett", "args": [1]} | line 2: unknown operation "gett" for model map; use one of get, put, remove, containsKey, containsValue, size, isEmpty, clear, putAll, getOrDefault, keySet, values, entrySet, putIfAbsent, replace, computeIfAbsent, computeIfPresent, compute, merge
          wrong number of arguments | {"thread": 1, "type": "invoke", "op": "put", "args": [1]} | line 2: put takes put(key, value), was given 1 arguments [1]
          thread of wrong JSON type | {"thread": "one", "type": "invoke", "op": "get", "args": [1]} | line 2: thread must be a non-negative integer, was "one"
          args of wrong JSON type | {"thread": 1, "type": "invoke", "op": "get", "args": 1} | line 2: args must be an array, was 1
          object as a value | {"thread": 1, "type": "invoke", "op": "get", "args": [{"a": 1}]} | line 2: a value is a number, string, boolean, null or array, was an object; write a map as a list of [key, value] pairs
          unknown type | {"thread": 1, "type": "done", "value": 1} | line 2: unknown type "done"; use invoke, ok, fail or info
          unknown field | {"thread": 1, "type": "invoke", "op": "get", "args": [1], "time": 5} | line 2: unknown field "time"; an event has thread, type, op, args (invoke), value (ok) or error (fail)
          ok without value | {"thread": 0, "type": "ok"} | line 2: an ok needs "value"; write "value": null for void methods
          fail without error | {"thread": 0, "type": "fail"} | line 2: a fail needs "error", the exception class name
          not an object | [0, "invoke"] | line 2: expected a JSON object, was [0, "invoke"]
          two events on a line | {"thread": 0, "type": "ok", "value": null} {"thread": 0} | line 2: unexpected text after the event object; a history has one event per line
          empty line | `` | line 2: empty line; a history has exactly one event per line
          integer too large | {"thread": 0, "type": "ok", "value": 99999999999999999999} | line 2: integer 99999999999999999999 is out of the range of a Java long
          duplicate field | {"thread": 0, "thread": 1, "type": "ok", "value": 1} | line 2: field "thread" appears twice
          missing type | {"thread": 0, "value": 1} | line 2: missing field "type"; use invoke, ok, fail or info
          """)
  void read_malformedSecondLine_isRejectedWithLineAndProblem(
      String problem, String line, String message) {
    assertThatThrownBy(() -> read(PUT + "\n" + line + "\n" + "{\"thread\": 0, \"type\": \"ok\", \"value\": null}\n"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage(message);
  }

  @Test
  void read_badJsonSyntax_namesTheLine() {
    assertThatThrownBy(() -> read(PUT + "\n{\"thread\": 0, \"type\": ok}\n"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessageStartingWith("line 2: malformed JSON (unrecognized token 'ok'");
  }

  @Test
  void read_truncatedLastLine_isRejected() {
    assertThatThrownBy(() -> read(PUT + "\n{\"thread\": 0, \"type\": \"ok\", \"val"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessageStartingWith(
            "line 2: truncated JSON: the line ends before the event object closes (unexpected end-of-input");
  }

  @Test
  void read_eventSpanningTwoLines_isRejectedAsTruncated() {
    assertThatThrownBy(() -> read(PUT + "\n{\"thread\": 0,\n\"type\": \"ok\", \"value\": 1}\n"))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("line 2: truncated JSON: the line ends before the event object closes");
  }

  @Test
  void read_emptyFile_isRejected() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage("line 1: the history is empty; it needs at least one event");
  }
}
