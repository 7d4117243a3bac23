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

  /** {@code put(1, 10) -> null}, or {@code put(1, 10) pending}. */
  @Override
  public String toString() {
    return call() + (result == null ? " pending" : " -> " + result);
  }
}
