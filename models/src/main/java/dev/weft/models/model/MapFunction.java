package dev.weft.models.model;

import dev.weft.models.history.Value;

/**
 * A deterministic function a history names as the last argument of {@code computeIfAbsent},
 * {@code computeIfPresent}, {@code compute} and {@code merge}. Each behaves exactly like the Java
 * lambda shown, exceptions included ({@code NullPointerException} from unboxing {@code null},
 * {@code ClassCastException} from a non-integer), so a model can apply it to recorded arguments.
 *
 * <table>
 *   <caption>Named functions</caption>
 *   <tr><th>name</th><th>computeIfAbsent</th><th>computeIfPresent, compute</th><th>merge</th></tr>
 *   <tr><td>{@code sum}</td><td>{@code k -> (Long) k}</td>
 *       <td>{@code (k, v) -> (Long) k + (Long) v}</td><td>{@code (old, v) -> (Long) old + (Long) v}</td></tr>
 *   <tr><td>{@code inc}</td><td>{@code k -> 1L}</td>
 *       <td>{@code (k, v) -> v == null ? 1L : (Long) v + 1}</td><td>{@code (old, v) -> (Long) old + 1}</td></tr>
 *   <tr><td>{@code const:X}</td><td colspan="3">returns X, read as JSON ({@code const:5} is 5,
 *       {@code const:null} is null); text that is not JSON is a string</td></tr>
 *   <tr><td>{@code add:X}</td><td>{@code k -> X}</td>
 *       <td>{@code (k, v) -> v == null ? X : (Long) v + X}</td><td>{@code (old, v) -> (Long) old + X}</td></tr>
 *   <tr><td>{@code null}</td><td colspan="3">returns {@code null}</td></tr>
 * </table>
 */
final class MapFunction {

  private enum Kind {
    SUM,
    INC,
    CONST,
    ADD
  }

  private static final MapFunction SUM = new MapFunction(Kind.SUM, null);
  private static final MapFunction INC = new MapFunction(Kind.INC, null);
  private static final MapFunction NULL = new MapFunction(Kind.CONST, null);

  private final Kind kind;
  private final Object constant;

  private MapFunction(Kind kind, Object constant) {
    this.kind = kind;
    this.constant = constant;
  }

  /** The function named {@code name}, or {@code null} if there is none by that name. */
  static MapFunction named(String name) {
    switch (name) {
      case "sum":
        return SUM;
      case "inc":
        return INC;
      case "null":
        return NULL;
      default:
        if (name.startsWith("add:")) {
          Object amount = constant(name.substring("add:".length()));
          return amount instanceof Long ? new MapFunction(Kind.ADD, amount) : null;
        }
        if (name.startsWith("const:")) {
          return new MapFunction(Kind.CONST, constant(name.substring("const:".length())));
        }
        return null;
    }
  }

  private static Object constant(String text) {
    switch (text) {
      case "null":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException notInteger) {
          try {
            if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
              return Double.parseDouble(text);
            }
          } catch (NumberFormatException notNumber) {
            // neither integer nor floating: a string
          }
          return text;
        }
    }
  }

  /** As the {@code Function} of {@code computeIfAbsent}. */
  Object ofKey(Object key) {
    switch (kind) {
      case SUM:
        return (Long) key;
      case INC:
        return 1L;
      default:
        return constant;
    }
  }

  /** As the {@code BiFunction} of {@code computeIfPresent} and {@code compute}. */
  Object remap(Object key, Object value) {
    switch (kind) {
      case SUM:
        return (Long) key + (Long) value;
      case INC:
        return value == null ? 1L : (Long) value + 1;
      case ADD:
        return value == null ? constant : (Long) value + (Long) constant;
      default:
        return constant;
    }
  }

  /** As the {@code BiFunction} of {@code merge}. */
  Object merge(Object old, Object value) {
    switch (kind) {
      case SUM:
        return (Long) old + (Long) value;
      case INC:
        return (Long) old + 1;
      case ADD:
        return (Long) old + (Long) constant;
      default:
        return constant;
    }
  }

  @Override
  public String toString() {
    if (kind == Kind.ADD) {
      return "add:" + Value.format(constant);
    }
    return kind == Kind.CONST ? "const:" + Value.format(constant) : kind.name().toLowerCase();
  }
}
