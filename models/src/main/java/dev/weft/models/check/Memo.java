package dev.weft.models.check;

import java.util.Arrays;

/**
 * Lowe's memo: the (linearized set, model state) pairs the search has already been in. Once a pair
 * failed, reaching it again along another order cannot succeed either.
 *
 * <p>An open-addressing table, because the search probes it once per step. A set is stored
 * compressed: all operations before the first word that is not full are linearized, so only the
 * words from there to the last non-empty one are kept. Under real-time order that window spans the
 * operations in flight, not the whole history.
 */
final class Memo {

  private static final int ENTRY_BYTES = 64;

  private int[] hashes;
  private int[] lows;
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
    lows = new int[capacity];
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
   * Adds the set in {@code bits[low..high]} (words below {@code low} all full, above {@code high}
   * all empty) with {@code state}; returns false if the pair was already present.
   */
  boolean add(long[] bits, int low, int high, long setHash, Object state) {
    long mixed = (setHash ^ state.hashCode()) * 0x9E3779B97F4A7C15L;
    int hash = (int) (mixed ^ (mixed >>> 32));
    int mask = hashes.length - 1;
    int length = high - low + 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long[] stored = sets[slot];
      if (stored == null) {
        long[] copy = new long[length];
        System.arraycopy(bits, low, copy, 0, length);
        hashes[slot] = hash;
        lows[slot] = low;
        sets[slot] = copy;
        states[slot] = state;
        size++;
        bytes += ENTRY_BYTES + 8L * length;
        if (size * 2 > hashes.length) {
          grow();
        }
        return true;
      }
      if (hashes[slot] == hash
          && lows[slot] == low
          && stored.length == length
          && Arrays.equals(stored, 0, length, bits, low, low + length)
          && states[slot].equals(state)) {
        return false;
      }
    }
  }

  private void grow() {
    int[] oldHashes = hashes;
    int[] oldLows = lows;
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
