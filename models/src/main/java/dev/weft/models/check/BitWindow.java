package dev.weft.models.check;

/**
 * A set of small integers kept as bit words with the bounds of its interesting part: every word
 * below {@link #low} is full and every word above {@link #high} is empty, so the set is determined
 * by the words in between. For linearized operations that window is short: an operation that has
 * responded must be linearized before any operation invoked after its response.
 */
final class BitWindow {

  final long[] words;
  int low;
  int high = -1;

  BitWindow(int size) {
    words = new long[(size + 63) >>> 6];
  }

  void set(int i) {
    int w = i >>> 6;
    words[w] |= 1L << i;
    if (w > high) {
      high = w;
    }
    while (low < words.length && words[low] == -1L) {
      low++;
    }
  }

  void clear(int i) {
    int w = i >>> 6;
    words[w] &= ~(1L << i);
    if (w < low) {
      low = w;
    }
    while (high >= 0 && words[high] == 0) {
      high--;
    }
  }

  /** The number of words between the bounds. */
  int length() {
    return Math.max(0, high - low + 1);
  }
}
