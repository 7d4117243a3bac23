package dev.weft.models.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.models.history.History;
import dev.weft.models.history.Value;
import dev.weft.models.model.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Lines history:
 *
 * <pre>
 * {"thread": 0, "type": "invoke", "op": "put", "args": [1, 10]}
 * {"thread": 0, "type": "ok", "value": null}
 * {"thread": 1, "type": "invoke", "op": "remove", "args": [null]}
 * {"thread": 1, "type": "fail", "error": "java.lang.NullPointerException"}
 * </pre>
 *
 * <p>Each line is parsed on its own, so a truncated or malformed line is reported with its number
 * instead of confusing the next one. The model validates operation names and arguments as they are
 * read.
 */
public final class HistoryReader {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Model<?> model;

  /** A reader that validates operations with {@code model}. */
  public HistoryReader(Model<?> model) {
    this.model = model;
  }

  /** Reads the history in {@code file} (UTF-8). */
  public History read(Path file) throws IOException, HistoryFormatException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads a UTF-8 history from {@code in}; does not close it. */
  public History read(InputStream in) throws IOException, HistoryFormatException {
    // bytes straight to the parser: decoding to characters first costs a third of the reading
    return read(JSON.createParser(in));
  }

  /** Reads a history from {@code in}; does not close it. */
  public History read(Reader in) throws IOException, HistoryFormatException {
    return read(JSON.createParser(in));
  }

  private History read(JsonParser json) throws IOException, HistoryFormatException {
    History.Builder history = History.builder();
    Map<Integer, Invocation> inFlight = new HashMap<>();
    Event event = new Event();
    // one streaming parser for the whole input (a parser per line costs three times as much);
    // line numbers from its locations keep every event on a line of its own
    json.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    int previous = 0;
    while (true) {
      JsonToken token = event.next(json, previous + 1);
      if (token == null) {
        break;
      }
      int line = event.line(json);
      if (line == previous) {
        throw new HistoryFormatException(
            line, "unexpected text after the event object; a history has one event per line");
      }
      if (line > previous + 1) {
        throw new HistoryFormatException(
            previous + 1, "empty line; a history has exactly one event per line");
      }
      event.parse(json, line);
      apply(event, line, history, inFlight);
      previous = line;
    }
    if (previous == 0) {
      throw new HistoryFormatException(1, "the history is empty; it needs at least one event");
    }
    return history.build();
  }

  private void apply(
      Event event, int number, History.Builder history, Map<Integer, Invocation> inFlight)
      throws HistoryFormatException {
    Invocation current = inFlight.get(event.thread);
    if (event.type.equals("invoke")) {
      if (current != null) {
        throw new HistoryFormatException(
            number,
            "thread "
                + event.thread
                + " invokes "
                + event.op
                + " while "
                + current.op
                + " from line "
                + current.line
                + " is still in flight; a thread has one operation at a time,"
                + " so add the response of line "
                + current.line
                + " first");
      }
      if (model != null) {
        try {
          model.validate(event.op, event.args);
        } catch (IllegalArgumentException invalid) {
          throw new HistoryFormatException(number, invalid.getMessage());
        }
      }
      history.invoke(event.thread, event.op, event.args.toArray());
      inFlight.put(event.thread, new Invocation(event.op, number));
      return;
    }
    if (current == null) {
      throw new HistoryFormatException(
          number,
          event.type
              + " for thread "
              + event.thread
              + " which has no operation in flight; a response follows its thread's invoke");
    }
    inFlight.remove(event.thread);
    switch (event.type) {
      case "ok":
        history.ok(event.thread, event.value);
        break;
      case "fail":
        history.fail(event.thread, event.error);
        break;
      default:
        history.info(event.thread);
        break;
    }
  }

  private static final class Invocation {
    final String op;
    final int line;

    Invocation(String op, int line) {
      this.op = op;
      this.line = line;
    }
  }

  private static final List<String> FIELDS =
      List.of("thread", "type", "op", "args", "value", "error");

  /** The fields of one line, reused from line to line. */
  private static final class Event {
    int thread;
    String type;
    String op;
    List<Object> args;
    Object value;
    String error;
    private int number;
    private boolean hasThread;
    private boolean hasValue;

    /** The next token, with a malformed one reported on {@code line} or where it is. */
    JsonToken next(JsonParser json, int line) throws HistoryFormatException {
      this.number = line;
      try {
        return json.nextToken();
      } catch (JsonProcessingException malformed) {
        throw malformed(malformed);
      } catch (IOException unreadable) {
        throw problem("unreadable (" + unreadable.getMessage() + ")");
      }
    }

    int line(JsonParser json) {
      return json.currentTokenLocation().getLineNr();
    }

    /** Reads one event object, whose start token {@code json} is at, on {@code line}. */
    void parse(JsonParser json, int line) throws HistoryFormatException {
      this.number = line;
      thread = -1;
      type = null;
      op = null;
      args = null;
      value = null;
      error = null;
      hasThread = false;
      hasValue = false;
      int seen = 0;
      try {
        if (json.currentToken() != JsonToken.START_OBJECT) {
          throw problem("expected a JSON object, was " + Value.format(value(json)));
        }
        for (JsonToken token = json.nextToken();
            token != JsonToken.END_OBJECT;
            token = json.nextToken()) {
          String field = json.currentName();
          int bit = 1 << FIELDS.indexOf(field);
          if (FIELDS.contains(field) && (seen & bit) != 0) {
            throw problem("field \"" + field + "\" appears twice");
          }
          seen |= bit;
          json.nextToken();
          field(field, json);
        }
      } catch (JsonProcessingException malformed) {
        throw malformed(malformed);
      } catch (IOException unreadable) {
        throw problem("unreadable (" + unreadable.getMessage() + ")");
      } catch (HistoryFormatException invalid) {
        // an event that runs into the next line is a truncated one, whatever broke first
        throw line(json) > line ? truncated("") : invalid;
      }
      if (json.currentLocation().getLineNr() > line) {
        throw truncated("");
      }
      check();
    }

    private HistoryFormatException malformed(JsonProcessingException malformed) {
      String detail = malformed.getOriginalMessage();
      detail = Character.toLowerCase(detail.charAt(0)) + detail.substring(1);
      int at = malformed.getLocation() == null ? number : malformed.getLocation().getLineNr();
      if (detail.startsWith("unexpected end-of-input")
          || detail.contains("code 10)")
          || at > number) {
        return truncated(" (" + detail + ")");
      }
      return problem("malformed JSON (" + detail + ")");
    }

    private HistoryFormatException truncated(String detail) {
      return problem("truncated JSON: the line ends before the event object closes" + detail);
    }

    private void field(String field, JsonParser json) throws IOException, HistoryFormatException {
      switch (field) {
        case "thread":
          if (json.currentToken() != JsonToken.VALUE_NUMBER_INT
              || json.getNumberType() != JsonParser.NumberType.INT
              || json.getIntValue() < 0) {
            throw problem(
                "thread must be a non-negative integer, was " + Value.format(value(json)));
          }
          thread = json.getIntValue();
          hasThread = true;
          break;
        case "type":
          type = string(json, "type");
          break;
        case "op":
          op = string(json, "op");
          break;
        case "args":
          if (json.currentToken() != JsonToken.START_ARRAY) {
            throw problem("args must be an array, was " + Value.format(value(json)));
          }
          args = list(json);
          break;
        case "value":
          value = value(json);
          hasValue = true;
          break;
        case "error":
          error = string(json, "error");
          if (error.isBlank()) {
            throw problem("error must name an exception class, was \"" + error + "\"");
          }
          break;
        default:
          throw problem(
              "unknown field \""
                  + field
                  + "\"; an event has thread, type, op, args (invoke), value (ok) or error (fail)");
      }
    }

    private void check() throws HistoryFormatException {
      if (type == null) {
        throw problem("missing field \"type\"; use invoke, ok, fail or info");
      }
      if (!hasThread) {
        throw problem("missing field \"thread\"");
      }
      switch (type) {
        case "invoke":
          require(op != null, "an invoke needs \"op\", the Java method name");
          require(args != null, "an invoke needs \"args\", [] when there are none");
          forbid(hasValue || error != null, "value or error");
          break;
        case "ok":
          require(hasValue, "an ok needs \"value\"; write \"value\": null for void methods");
          forbid(op != null || args != null || error != null, "op, args or error");
          break;
        case "fail":
          require(error != null, "a fail needs \"error\", the exception class name");
          forbid(op != null || args != null || hasValue, "op, args or value");
          break;
        case "info":
          forbid(op != null || args != null || hasValue || error != null, "op, args, value or error");
          break;
        default:
          throw problem("unknown type \"" + type + "\"; use invoke, ok, fail or info");
      }
    }

    private void require(boolean present, String problem) throws HistoryFormatException {
      if (!present) {
        throw problem(problem);
      }
    }

    private void forbid(boolean present, String fields) throws HistoryFormatException {
      if (present) {
        throw problem("an " + type + " event has no " + fields);
      }
    }

    private String string(JsonParser json, String field)
        throws IOException, HistoryFormatException {
      if (json.currentToken() != JsonToken.VALUE_STRING) {
        throw problem(field + " must be a string, was " + Value.format(value(json)));
      }
      return json.getText();
    }

    private Object value(JsonParser json) throws IOException, HistoryFormatException {
      switch (json.currentToken()) {
        case VALUE_NULL:
          return null;
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_STRING:
          return json.getText();
        case VALUE_NUMBER_INT:
          if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw problem("integer " + json.getText() + " is out of the range of a Java long");
          }
          return json.getLongValue();
        case VALUE_NUMBER_FLOAT:
          return json.getDoubleValue();
        case START_ARRAY:
          return list(json);
        default:
          throw problem(
              "a value is a number, string, boolean, null or array, was an object;"
                  + " write a map as a list of [key, value] pairs");
      }
    }

    private List<Object> list(JsonParser json) throws IOException, HistoryFormatException {
      List<Object> list = new ArrayList<>();
      while (json.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(json));
      }
      return Collections.unmodifiableList(list);
    }

    private HistoryFormatException problem(String problem) {
      return new HistoryFormatException(number, problem);
    }

  }
}
