package dev.weft.models.check;

import dev.weft.models.history.History;
import dev.weft.models.history.Operation;
import dev.weft.models.model.Model;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a history is linearizable with respect to a sequential model: whether its
 * operations can be put in one order that keeps every operation that responded before another was
 * invoked before it, and in which each operation returns what the model allows. A pending operation
 * may take effect at any point after its invocation, or not at all.
 *
 * <pre>{@code
 * CheckResult result = Checker.withDefaults().check(history, MapModel.of(MapContract.CONCURRENT_MAP));
 * if (!result.isLinearizable()) {
 *   throw new AssertionError(result.toString());
 * }
 * }</pre>
 *
 * <p>Immutable and safe to share between threads. The search is exponential in the worst case; the
 * {@link Budget} turns such a case into {@link Verdict#UNKNOWN} rather than a hang or an {@code
 * OutOfMemoryError}.
 */
public final class Checker {

  private final Budget budget;

  private Checker(Budget budget) {
    this.budget = budget;
  }

  /** A checker with {@link Budget#defaults()}. */
  public static Checker withDefaults() {
    return new Checker(Budget.defaults());
  }

  /** A checker with {@code budget}. */
  public static Checker withBudget(Budget budget) {
    return new Checker(budget);
  }

  /** This checker's budget. */
  public Budget budget() {
    return budget;
  }

  /** Checks {@code history} against {@code model}. */
  public <S> CheckResult check(History history, Model<S> model) {
    return check(history.operations(), model);
  }

  /**
   * Checks {@code operations} (of one history) against {@code model}, part by part when the model
   * splits them.
   */
  public <S> CheckResult check(List<Operation> operations, Model<S> model) {
    long timeout;
    try {
      timeout = budget.timeout().toNanos();
    } catch (ArithmeticException tooLong) {
      timeout = Long.MAX_VALUE / 2;
    }
    long deadline = System.nanoTime() + timeout;
    Map<Object, List<Operation>> parts = model.partition(operations);
    long states = 0;
    try {
      if (parts == null) {
        Search<S> search = new Search<>(model, operations);
        Search.Status status = search.run(deadline, budget);
        states = search.states();
        return result(status, search, "whole history", 1, states);
      }
      String unknown = null;
      for (Map.Entry<Object, List<Operation>> part : parts.entrySet()) {
        Search<S> search = new Search<>(model, part.getValue());
        Search.Status status = search.run(deadline, budget);
        states += search.states();
        if (status == Search.Status.NOT_LINEARIZABLE) {
          return result(
              status, search, model.describePart(part.getKey()), parts.size(), states);
        }
        if (status == Search.Status.OUT_OF_BUDGET && unknown == null) {
          unknown = model.describePart(part.getKey()) + ": " + search.reason();
        }
      }
      if (unknown != null) {
        return new CheckResult(Verdict.UNKNOWN, null, unknown, parts.size(), states);
      }
      return new CheckResult(Verdict.LINEARIZABLE, null, null, parts.size(), states);
    } catch (OutOfMemoryError full) {
      // the search's arrays and memo are garbage now: answer instead of failing the caller
      return new CheckResult(
          Verdict.UNKNOWN,
          null,
          "the heap ran out; lower the state budget or raise -Xmx",
          parts == null ? 1 : parts.size(),
          states);
    }
  }

  private static CheckResult result(
      Search.Status status, Search<?> search, String part, int parts, long states) {
    switch (status) {
      case NOT_LINEARIZABLE:
        return new CheckResult(
            Verdict.NOT_LINEARIZABLE, search.explain(part), null, parts, states);
      case OUT_OF_BUDGET:
        return new CheckResult(Verdict.UNKNOWN, null, part + ": " + search.reason(), parts, states);
      default:
        return new CheckResult(Verdict.LINEARIZABLE, null, null, parts, states);
    }
  }
}
