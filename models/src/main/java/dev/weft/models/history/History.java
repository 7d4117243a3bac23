package dev.weft.models.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A concurrent history: operations with their invocation and response positions in one real-time
 * order of events. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * History history = History.builder()
 *     .invoke(0, "put", 1, 10)
 *     .invoke(1, "get", 1)
 *     .ok(0, null)
 *     .ok(1, 10)
 *     .build();
 * }</pre>
 */
public final class History {

  private final List<Operation> operations;
  private final int events;

  private History(List<Operation> operations, int events) {
    this.operations = operations;
    this.events = events;
  }

  /** A new builder; builders can be {@linkplain Builder#reset() reset} and reused. */
  public static Builder builder() {
    return new Builder();
  }

  /** The operations in invocation order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The number of operations. */
  public int size() {
    return operations.size();
  }

  /** The number of events (invocations and responses). */
  public int events() {
    return events;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Operation op : operations) {
      out.append("thread ").append(op.thread()).append(": ").append(op).append('\n');
    }
    return out.toString();
  }

  /**
   * Builds a history event by event, in real-time order. A thread has at most one operation in
   * flight; an operation still in flight at {@link #build()} is pending.
   */
  public static final class Builder {

    private final List<Pending> calls = new ArrayList<>();
    private final Map<Integer, Pending> inFlight = new HashMap<>();
    private int events;

    private Builder() {}

    /**
     * Records that {@code thread} invoked {@code op} with {@code args} (numbers, strings, booleans,
     * {@code null}, or lists of those).
     *
     * @throws IllegalStateException if the thread already has an operation in flight
     */
    public Builder invoke(int thread, String op, Object... args) {
      if (thread < 0) {
        throw new IllegalArgumentException("thread must be at least 0, was " + thread);
      }
      if (op == null || op.isEmpty()) {
        throw new IllegalArgumentException("operation name must not be empty, was " + op);
      }
      Pending current = inFlight.get(thread);
      if (current != null) {
        throw new IllegalStateException(
            "thread "
                + thread
                + " invokes "
                + op
                + " while "
                + current.name
                + " from event "
                + (current.invokedAt + 1)
                + " is still in flight; record its response first");
      }
      Object[] normalized = new Object[args == null ? 1 : args.length];
      if (args != null) {
        for (int i = 0; i < args.length; i++) {
          normalized[i] = Value.normalize(args[i]);
        }
      }
      Pending call = new Pending(calls.size(), thread, op, normalized, events++);
      calls.add(call);
      inFlight.put(thread, call);
      return this;
    }

    /** Records that the operation in flight on {@code thread} returned {@code value}. */
    public Builder ok(int thread, Object value) {
      return respond(thread, Result.value(value), "ok");
    }

    /** Records that the operation in flight on {@code thread} threw {@code exceptionClassName}. */
    public Builder fail(int thread, String exceptionClassName) {
      return respond(thread, Result.exception(exceptionClassName), "fail");
    }

    /**
     * Records that the outcome of the operation in flight on {@code thread} is unknown: it stays
     * pending (it may take effect at any time after its invocation, or never), and the thread may
     * invoke again.
     */
    public Builder info(int thread) {
      return respond(thread, null, "info");
    }

    /** Records a response with the given result; {@code null} leaves the operation pending. */
    public Builder respond(int thread, Result result) {
      return respond(thread, result, "response");
    }

    private Builder respond(int thread, Result result, String type) {
      Pending call = inFlight.remove(thread);
      if (call == null) {
        throw new IllegalStateException(
            type + " for thread " + thread + " which has no operation in flight");
      }
      int at = events++;
      if (result != null) {
        call.respondedAt = at;
        call.result = result;
      }
      return this;
    }

    /** Returns whether {@code thread} has an operation in flight. */
    public boolean inFlight(int thread) {
      return inFlight.containsKey(thread);
    }

    /** The history so far; operations still in flight are pending. */
    public History build() {
      List<Operation> operations = new ArrayList<>(calls.size());
      for (Pending call : calls) {
        operations.add(
            new Operation(
                call.index,
                call.thread,
                call.name,
                call.args,
                call.invokedAt,
                call.result == null ? -1 : call.respondedAt,
                call.result));
      }
      return new History(Collections.unmodifiableList(operations), events);
    }

    /** Forgets every event, so that the builder can record another history. */
    public Builder reset() {
      calls.clear();
      inFlight.clear();
      events = 0;
      return this;
    }
  }

  private static final class Pending {
    final int index;
    final int thread;
    final String name;
    final Object[] args;
    final int invokedAt;
    int respondedAt = -1;
    Result result;

    Pending(int index, int thread, String name, Object[] args, int invokedAt) {
      this.index = index;
      this.thread = thread;
      this.name = name;
      this.args = args;
      this.invokedAt = invokedAt;
    }
  }
}
