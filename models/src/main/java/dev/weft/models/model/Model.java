package dev.weft.models.model;

import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import java.util.List;
import java.util.Map;

/**
 * A sequential specification: an initial state and a step function. The checker asks it, for a
 * state and an operation, which (result, next state) pairs a correct sequential object allows, and
 * keeps the orders of the history in which every recorded result is among them.
 *
 * <p>A counter, as a user would write it:
 *
 * <pre>{@code
 * final class CounterModel implements Model<Long> {
 *   public Long initialState() { return 0L; }
 *
 *   public List<Outcome<Long>> step(Long count, Operation op) {
 *     switch (op.name()) {
 *       case "incrementAndGet": return List.of(Outcome.returns(count + 1, count + 1));
 *       case "get": return List.of(Outcome.returns(count, count));
 *       default: throw new IllegalArgumentException("unknown operation " + op.name());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>States must be immutable and implement {@code equals} and {@code hashCode}: the checker
 * memoizes (linearized operations, state) pairs. Implementations should be stateless and may be
 * shared between threads.
 *
 * @param <S> the state type
 */
public interface Model<S> {

  /** The state before any operation. */
  S initialState();

  /**
   * The outcomes {@code op} may have when applied to {@code state}: one for a deterministic
   * operation, several for a weakly specified one, none if the operation cannot happen in this
   * state. Ignore {@code op.result()}: the checker compares it with the outcomes.
   */
  List<Outcome<S>> step(S state, Operation op);

  /**
   * Rejects an operation this model does not know, or arguments of the wrong number or type, before
   * any checking starts.
   *
   * @throws IllegalArgumentException with a message naming the problem and the remedy
   */
  default void validate(String op, List<Object> args) {}

  /**
   * The recorded result of {@code op} in the form {@link #step} produces it, for results that have
   * more than one representation (unordered collections). The default returns it unchanged.
   */
  default Result canonical(Operation op) {
    return op.result();
  }

  /**
   * Splits operations into independent parts that can be checked one at a time
   * (P-compositionality: the history is linearizable exactly when every part is), keyed by what
   * tells them apart; or returns {@code null} to check them all together, the default.
   */
  default Map<Object, List<Operation>> partition(List<Operation> operations) {
    return null;
  }

  /** How an explanation names the part with key {@code key}, such as {@code key 1}. */
  default String describePart(Object key) {
    return "part " + key;
  }
}
