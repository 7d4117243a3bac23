package dev.weft.models.check;

import java.util.Arrays;

/**
 * Lowe's memo: the (linearized set, model state) pairs the search has already been in. Once a pair
 * failed, reaching it again along another order cannot succeed either.
 *
 * <p>An open-addressing table, because the search probes it once per step. A set is stored
 * compressed as the {@link BitWindow}s of its completed and its pending operations. Under
 * real-time order the completed window spans the operations in flight, not the whole history.
 */
final class Memo {

  private static final int ENTRY_BYTES = 64;

  private int[] hashes;
  private long[] lows;
  private long[][] sets;
  private Object[] states;
  private int size;
  private long bytes;

  /** A memo sized for about {@code expected} entries, so that small searches allocate little. */
  Memo(int expected) {
    allocate(Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 4 - 1) << 1));
  }

  private void allocate(int capacity) {
    hashes = new int[capacity];
    lows = new long[capacity];
    sets = new long[capacity][];
    states = new Object[capacity];
  }

  int size() {
    return size;
  }

  long bytes() {
    return bytes;
  }

  /**
   * Adds the linearized set, given as its completed and its pending operations, with {@code state};
   * returns false if the pair was already present. Pending operations are kept apart because one
   * that never takes effect would otherwise hold the completed window open for good.
   */
  boolean add(BitWindow completed, BitWindow pending, long setHash, Object state) {
    long mixed = (setHash ^ state.hashCode()) * 0x9E3779B97F4A7C15L;
    int hash = (int) (mixed ^ (mixed >>> 32));
    int mask = hashes.length - 1;
    int completedLength = completed.length();
    int pendingLength = pending.length();
    // both lows fit in an int each in practice (sets of at most 2^31 operations, 64 per word)
    long bounds = ((long) completed.low << 32) | pending.low;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long[] stored = sets[slot];
      if (stored == null) {
        long[] copy = new long[completedLength + pendingLength + 1];
        System.arraycopy(completed.words, completed.low, copy, 0, completedLength);
        System.arraycopy(pending.words, pending.low, copy, completedLength, pendingLength);
        copy[completedLength + pendingLength] = completedLength;
        hashes[slot] = hash;
        lows[slot] = bounds;
        sets[slot] = copy;
        states[slot] = state;
        size++;
        bytes += ENTRY_BYTES + 8L * copy.length;
        if (size * 2 > hashes.length) {
          grow();
        }
        return true;
      }
      if (hashes[slot] == hash
          && lows[slot] == bounds
          && stored.length == completedLength + pendingLength + 1
          && stored[stored.length - 1] == completedLength
          && Arrays.equals(
              stored, 0, completedLength,
              completed.words, completed.low, completed.low + completedLength)
          && Arrays.equals(
              stored, completedLength, completedLength + pendingLength,
              pending.words, pending.low, pending.low + pendingLength)
          && states[slot].equals(state)) {
        return false;
      }
    }
  }

  private void grow() {
    int[] oldHashes = hashes;
    long[] oldLows = lows;
    long[][] oldSets = sets;
    Object[] oldStates = states;
    allocate(oldHashes.length * 2);
    int mask = hashes.length - 1;
    for (int i = 0; i < oldSets.length; i++) {
      if (oldSets[i] == null) {
        continue;
      }
      int slot = oldHashes[i] & mask;
      while (sets[slot] != null) {
        slot = (slot + 1) & mask;
      }
      hashes[slot] = oldHashes[i];
      lows[slot] = oldLows[i];
      sets[slot] = oldSets[i];
      states[slot] = oldStates[i];
    }
  }
}
