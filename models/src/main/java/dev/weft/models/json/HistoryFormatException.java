package dev.weft.models.json;

/** A history file that cannot be read; the message starts with the line number. */
public final class HistoryFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  /** A problem on {@code line} (1-based). */
  public HistoryFormatException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The 1-based line number of the problem. */
  public int line() {
    return line;
  }
}
