package dev.weft.models.check;

import java.time.Duration;

/**
 * How much a check may spend before it answers {@link Verdict#UNKNOWN}: wall-clock time, and memo
 * entries (each a set of linearized operations with a model state) in number and in estimated bytes.
 * The memo is what grows with a hard history; bounding it is what keeps a check from running out of
 * memory.
 *
 * @param timeout the longest a whole check may take
 * @param maxStates the most memo entries of one part of the history
 * @param maxMemoBytes the most estimated bytes of memo entries of one part, states not counted
 */
public record Budget(Duration timeout, long maxStates, long maxMemoBytes) {

  /** Validates the components. */
  public Budget {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxStates < 1) {
      throw new IllegalArgumentException("maxStates must be at least 1, was " + maxStates);
    }
    if (maxMemoBytes < 1) {
      throw new IllegalArgumentException("maxMemoBytes must be at least 1, was " + maxMemoBytes);
    }
  }

  /**
   * One minute, ten million states, and a quarter of the maximum heap for memo entries: a hard
   * history ends in {@code UNKNOWN} long before the heap is full.
   */
  public static Budget defaults() {
    return new Budget(Duration.ofMinutes(1), 10_000_000, Runtime.getRuntime().maxMemory() / 4);
  }

  /** This budget with another timeout. */
  public Budget withTimeout(Duration timeout) {
    return new Budget(timeout, maxStates, maxMemoBytes);
  }

  /** This budget with another number of states. */
  public Budget withMaxStates(long maxStates) {
    return new Budget(timeout, maxStates, maxMemoBytes);
  }
}
