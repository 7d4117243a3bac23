package dev.weft.models.check;

import java.util.Objects;

/**
 * The outcome of a check: the verdict, an explanation for {@link Verdict#NOT_LINEARIZABLE}, the
 * reason for {@link Verdict#UNKNOWN}, and what the search cost.
 *
 * @param verdict the answer
 * @param explanation why not, for {@code NOT_LINEARIZABLE}; {@code null} otherwise
 * @param reason why undecided, for {@code UNKNOWN}; {@code null} otherwise
 * @param parts the number of parts the history was split into (1 when checked whole)
 * @param states the memo entries created, over all parts
 */
public record CheckResult(
    Verdict verdict, Explanation explanation, String reason, int parts, long states) {

  /** Validates the components. */
  public CheckResult {
    Objects.requireNonNull(verdict, "verdict");
    if ((verdict == Verdict.NOT_LINEARIZABLE) != (explanation != null)) {
      throw new IllegalArgumentException(
          "an explanation goes with NOT LINEARIZABLE only, verdict was " + verdict);
    }
  }

  /** Returns whether the verdict is {@link Verdict#LINEARIZABLE}. */
  public boolean isLinearizable() {
    return verdict == Verdict.LINEARIZABLE;
  }

  /**
   * {@code LINEARIZABLE}; {@code NOT LINEARIZABLE} and the explanation on the following lines; or
   * {@code UNKNOWN: } and the reason.
   */
  @Override
  public String toString() {
    switch (verdict) {
      case NOT_LINEARIZABLE:
        return verdict + "\n" + explanation;
      case UNKNOWN:
        return verdict + ": " + reason;
      default:
        return verdict.toString();
    }
  }
}
