package dev.weft.models.history;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One operation of a history: who called what with which arguments, when it was invoked and when
 * it responded, and what it returned. Positions are 0-based indexes of events in the history; a
 * pending operation (no response recorded) has no response position and no result: it may or may
 * not have taken effect, at any time after its invocation.
 */
public final class Operation {

  private final int index;
  private final int thread;
  private final String name;
  private final Object[] args;
  private final int invokedAt;
  private final int respondedAt;
  private final Result result;
  private final Operation whole;
  private final String label;

  Operation(
      int index,
      int thread,
      String name,
      Object[] args,
      int invokedAt,
      int respondedAt,
      Result result) {
    this.index = index;
    this.thread = thread;
    this.name = name;
    this.args = args;
    this.invokedAt = invokedAt;
    this.respondedAt = respondedAt;
    this.result = result;
    this.whole = null;
    this.label = null;
  }

  private Operation(Operation whole, String name, Object[] args, Result result, String label) {
    this.index = whole.index;
    this.thread = whole.thread;
    this.name = name;
    this.args = args;
    this.invokedAt = whole.invokedAt;
    this.respondedAt = whole.respondedAt;
    this.result = result;
    this.whole = whole;
    this.label = label;
  }

  /**
   * One part of this operation that takes effect on its own, at some point between this
   * operation's invocation and response: a model whose contract makes an operation non-atomic (a
   * {@code putAll} that puts its entries one by one) checks its parts instead of it. The part has
   * this operation's thread, index and positions; it prints as this operation followed by {@code
   * label}.
   *
   * @param name the operation name the model steps the part with
   * @param args its arguments
   * @param result what the part must return in the model; {@code null} exactly when this operation
   *     is pending, whose parts each may or may not have taken effect
   * @param label how the part is told apart in explanations, such as {@code its put(1, 3)}
   * @throws IllegalArgumentException if {@code result} is {@code null} for a completed operation or
   *     given for a pending one
   */
  public Operation part(String name, List<Object> args, Result result, String label) {
    if ((result == null) != (this.result == null)) {
      throw new IllegalArgumentException(
          "a part is pending exactly when its operation is, was "
              + (result == null ? "pending" : result)
              + " for "
              + this);
    }
    Object[] normalized = new Object[args.size()];
    for (int i = 0; i < normalized.length; i++) {
      normalized[i] = Value.normalize(args.get(i));
    }
    return new Operation(this, name, normalized, result, label);
  }

  /** The operation this one is a part of, or {@code null} when it is a whole operation. */
  public Operation whole() {
    return whole;
  }

  /** Position of this operation among the history's operations, in invocation order. */
  public int index() {
    return index;
  }

  /** The thread that called it. */
  public int thread() {
    return thread;
  }

  /** The Java method name, such as {@code put}. */
  public String name() {
    return name;
  }

  /** The number of arguments. */
  public int arity() {
    return args.length;
  }

  /** Argument {@code i} (0-based), in Java order. */
  public Object arg(int i) {
    return args[i];
  }

  /** The arguments, in Java order. */
  public List<Object> args() {
    return Collections.unmodifiableList(Arrays.asList(args));
  }

  /** Position of the invocation event (0-based). */
  public int invokedAt() {
    return invokedAt;
  }

  /** Position of the response event (0-based), or -1 when pending. */
  public int respondedAt() {
    return respondedAt;
  }

  /** Returns whether no response was recorded. */
  public boolean isPending() {
    return result == null;
  }

  /** The recorded result, or {@code null} when pending. */
  public Result result() {
    return result;
  }

  /** The call without its result: {@code put(1, 10)}. */
  public String call() {
    StringBuilder out = new StringBuilder(name).append('(');
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      Value.format(args[i], out);
    }
    return out.append(')').toString();
  }

  /**
   * {@code put(1, 10) -> null}, or {@code put(1, 10) pending}; a part prints as its whole and its
   * label: {@code putAll([[0, 1], [1, 3]]) -> null, its put(1, 3)}.
   */
  @Override
  public String toString() {
    if (whole != null) {
      return whole + ", " + label;
    }
    return call() + (result == null ? " pending" : " -> " + result);
  }
}
