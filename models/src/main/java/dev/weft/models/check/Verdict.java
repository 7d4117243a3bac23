package dev.weft.models.check;

/** The answer of a check. */
public enum Verdict {
  /** Some order of the operations that respects real time explains every result. */
  LINEARIZABLE,
  /** No such order exists. */
  NOT_LINEARIZABLE,
  /** The budget ran out before the search could decide. */
  UNKNOWN;

  /** {@code LINEARIZABLE}, {@code NOT LINEARIZABLE} or {@code UNKNOWN}. */
  @Override
  public String toString() {
    return name().replace('_', ' ');
  }
}
