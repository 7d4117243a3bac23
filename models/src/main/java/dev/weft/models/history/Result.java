package dev.weft.models.history;

import java.util.Objects;

/**
 * What an operation returned: a value ({@code null} for void methods and for a returned
 * {@code null}) or the class name of the exception it threw. An exception is a result like any
 * other: a model that throws {@code NullPointerException} for a null key must be matched by a
 * history that records one.
 */
public final class Result {

  private static final Result NULL = new Result(null, null);
  private static final Result TRUE = new Result(Boolean.TRUE, null);
  private static final Result FALSE = new Result(Boolean.FALSE, null);

  private final Object value;
  private final String exception;

  private Result(Object value, String exception) {
    this.value = value;
    this.exception = exception;
  }

  /** A returned value (normalized by {@link Value#normalize}). */
  public static Result value(Object value) {
    Object normalized = Value.normalize(value);
    if (normalized == null) {
      return NULL;
    }
    if (normalized instanceof Boolean) {
      return (Boolean) normalized ? TRUE : FALSE;
    }
    return new Result(normalized, null);
  }

  /**
   * A thrown exception, by class name. A simple name ({@code NullPointerException}) matches the
   * fully qualified one ({@code java.lang.NullPointerException}), see {@link #matches}.
   */
  public static Result exception(String className) {
    Objects.requireNonNull(className, "exception class name");
    if (className.isBlank()) {
      throw new IllegalArgumentException("exception class name must not be blank");
    }
    return new Result(null, className);
  }

  /** Returns whether this result is a thrown exception. */
  public boolean isException() {
    return exception != null;
  }

  /** The returned value; {@code null} for an exception. */
  public Object value() {
    return value;
  }

  /** The exception class name; {@code null} for a value. */
  public String exceptionType() {
    return exception;
  }

  /**
   * Returns whether {@code other} is the same result, where an exception written without a package
   * matches the same simple name with one.
   */
  public boolean matches(Result other) {
    if (this == other) {
      return true;
    }
    if (exception == null) {
      return other.exception == null && Objects.equals(value, other.value);
    }
    if (other.exception == null) {
      return false;
    }
    return exception.equals(other.exception)
        || simpleName(exception).equals(other.exception)
        || exception.equals(simpleName(other.exception));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Result
        && Objects.equals(value, ((Result) o).value)
        && Objects.equals(exception, ((Result) o).exception);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value) * 31 + Objects.hashCode(exception);
  }

  /** {@code 10}, {@code null}, {@code "a"} or {@code throws NullPointerException}. */
  @Override
  public String toString() {
    return exception != null ? "throws " + simpleName(exception) : Value.format(value);
  }
}
