package dev.weft.models.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The values a history can hold: {@code null}, {@link Long}, {@link Double}, {@link String},
 * {@link Boolean}, and unmodifiable lists of values (for view snapshots and key-value pairs).
 *
 * <p>Integral Java numbers become {@code Long} and floating ones {@code Double}, so that a value
 * recorded as {@code Integer} equals the same value read back from JSON. Collections become lists
 * in iteration order, a {@code Map.Entry} a {@code [key, value]} pair and a {@code Map} a list of
 * such pairs, so a recorder can pass {@code keySet()}, {@code pollFirstEntry()} or the argument of
 * {@code putAll} as they are.
 */
public final class Value {

  /**
   * A total order on values: {@code null} first, then booleans, integers, floating numbers, strings
   * and lists, each in natural order. It sorts the unordered collections of a history (key sets,
   * values, entries) into one canonical form.
   */
  public static final Comparator<Object> ORDER = Value::compare;

  private Value() {}

  /**
   * Returns {@code value} in the form histories hold.
   *
   * @throws IllegalArgumentException if the value has no form in a history
   */
  public static Object normalize(Object value) {
    if (value == null
        || value instanceof Long
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof Character) {
      return value.toString();
    }
    if (value instanceof List<?>) {
      return listOf((List<?>) value);
    }
    // what a map hands out, so that a recorder can pass results as they come
    if (value instanceof Collection<?>) {
      return listOf(new ArrayList<>((Collection<?>) value));
    }
    if (value instanceof Map.Entry<?, ?>) {
      Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
      return listOf(Arrays.asList(entry.getKey(), entry.getValue()));
    }
    if (value instanceof Map<?, ?>) {
      List<Object> pairs = new ArrayList<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        pairs.add(Arrays.asList(entry.getKey(), entry.getValue()));
      }
      return listOf(pairs);
    }
    if (value instanceof Object[]) {
      return listOf(Arrays.asList((Object[]) value));
    }
    throw new IllegalArgumentException(
        "value must be null, a number, a string, a boolean, a list, a collection, a map or a map"
            + " entry, was "
            + value.getClass().getName()
            + " "
            + value);
  }

  private static List<Object> listOf(List<?> values) {
    List<Object> copy = new ArrayList<>(values.size());
    for (Object element : values) {
      copy.add(normalize(element));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Returns an unmodifiable copy of {@code values} sorted by {@link #ORDER}. */
  public static List<Object> sorted(List<?> values) {
    List<Object> copy = new ArrayList<>(values);
    copy.sort(ORDER);
    return Collections.unmodifiableList(copy);
  }

  /** Writes {@code value} as JSON: strings quoted, lists in brackets. */
  public static String format(Object value) {
    StringBuilder out = new StringBuilder();
    format(value, out);
    return out.toString();
  }

  /** Appends {@code value} as JSON to {@code out}. */
  public static void format(Object value, StringBuilder out) {
    if (value instanceof String) {
      quote((String) value, out);
    } else if (value instanceof List<?>) {
      out.append('[');
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        format(list.get(i), out);
      }
      out.append(']');
    } else {
      out.append(value);
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static int rank(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Boolean) {
      return 1;
    }
    if (value instanceof Long) {
      return 2;
    }
    if (value instanceof Double) {
      return 3;
    }
    if (value instanceof String) {
      return 4;
    }
    return 5;
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        return 0;
      case 5:
        List<Object> la = (List<Object>) a;
        List<Object> lb = (List<Object>) b;
        int n = Math.min(la.size(), lb.size());
        for (int i = 0; i < n; i++) {
          int c = compare(la.get(i), lb.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(la.size(), lb.size());
      default:
        return ((Comparable<Object>) a).compareTo(b);
    }
  }
}
