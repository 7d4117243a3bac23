package dev.weft.models.check;

import dev.weft.models.history.Operation;
import dev.weft.models.history.Result;
import java.util.List;

/**
 * Why a history is not linearizable, short enough for a test failure: the part that fails (a key,
 * or the whole history), the longest prefix of a sequential order the search found, the operation
 * that cannot be placed after it, and what the model would have returned there.
 *
 * @param part the failing part, such as {@code key 1} or {@code whole history}
 * @param operations the number of operations in that part
 * @param prefix the longest linearizable prefix, in order
 * @param prefixResults for each operation of the prefix, the result it had in the model (for a
 *     pending operation, the effect it was given)
 * @param stuck the operation that cannot be placed next
 * @param allowed what the model allows {@code stuck} to return after the prefix
 */
public record Explanation(
    String part,
    int operations,
    List<Operation> prefix,
    List<Result> prefixResults,
    Operation stuck,
    List<Result> allowed) {

  private static final int SHOWN = 8;

  /**
   * Renders the explanation:
   *
   * <pre>
   * key 1: no order of its 2 operations explains every result
   * linearizable prefix (1 of 2 operations):
   *   thread 0: put(1, 10) -> null
   * cannot place next: thread 1: get(1) -> null (events 3-4)
   * the model returns 10 there
   * </pre>
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(part)
        .append(": no order of its ")
        .append(operations)
        .append(operations == 1 ? " operation" : " operations")
        .append(" explains every result\n");
    if (prefix.isEmpty()) {
      out.append("linearizable prefix: none\n");
    } else {
      out.append("linearizable prefix (")
          .append(prefix.size())
          .append(" of ")
          .append(operations)
          .append(" operations):\n");
      int from = Math.max(0, prefix.size() - SHOWN);
      if (from > 0) {
        out.append("  ... ").append(from).append(" earlier operations\n");
      }
      for (int i = from; i < prefix.size(); i++) {
        Operation op = prefix.get(i);
        out.append("  thread ").append(op.thread()).append(": ");
        if (op.isPending()) {
          out.append(op.call()).append(" -> ").append(prefixResults.get(i));
          out.append(" (pending, took effect)\n");
        } else {
          out.append(op).append('\n');
        }
      }
    }
    out.append("cannot place next: thread ")
        .append(stuck.thread())
        .append(": ")
        .append(stuck)
        .append(" (events ")
        .append(stuck.invokedAt() + 1)
        .append('-')
        .append(stuck.respondedAt() + 1)
        .append(")\n");
    if (allowed.isEmpty()) {
      out.append("the model allows no result there");
    } else if (allowed.size() == 1) {
      out.append("the model ")
          .append(allowed.get(0).isException() ? "" : "returns ")
          .append(allowed.get(0))
          .append(" there");
    } else {
      out.append("the model allows ");
      for (int i = 0; i < allowed.size(); i++) {
        out.append(i == 0 ? "" : i == allowed.size() - 1 ? " or " : ", ").append(allowed.get(i));
      }
      out.append(" there");
    }
    return out.toString();
  }
}
