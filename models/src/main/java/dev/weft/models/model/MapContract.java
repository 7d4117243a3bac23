package dev.weft.models.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The map contracts with a built-in model, by the name a history or the command line uses. */
public enum MapContract {

  /** {@code java.util.HashMap}: a null key and null values allowed; no navigable operations. */
  MAP("map", false, false),

  /**
   * {@code java.util.concurrent.ConcurrentHashMap}: null keys and values throw
   * {@code NullPointerException}; no navigable operations.
   */
  CONCURRENT_MAP("concurrent-map", true, false),

  /**
   * {@code java.util.concurrent.ConcurrentSkipListMap}: no nulls, keys in natural order, and the
   * {@code NavigableMap} operations.
   */
  NAVIGABLE_MAP("navigable-map", true, true);

  private final String modelName;
  private final boolean nullHostile;
  private final boolean navigable;

  MapContract(String modelName, boolean nullHostile, boolean navigable) {
    this.modelName = modelName;
    this.nullHostile = nullHostile;
    this.navigable = navigable;
  }

  /** The name used in histories and on the command line, such as {@code concurrent-map}. */
  public String modelName() {
    return modelName;
  }

  /** Returns whether null keys and values throw {@code NullPointerException}. */
  public boolean nullHostile() {
    return nullHostile;
  }

  /** Returns whether the {@code NavigableMap} operations are available. */
  public boolean navigable() {
    return navigable;
  }

  /**
   * The contract named {@code name}.
   *
   * @throws IllegalArgumentException naming the known models when there is none
   */
  public static MapContract named(String name) {
    for (MapContract contract : values()) {
      if (contract.modelName.equals(name)) {
        return contract;
      }
    }
    throw new IllegalArgumentException(
        "unknown model \""
            + name
            + "\"; use one of "
            + Arrays.stream(values()).map(MapContract::modelName).collect(Collectors.joining(", ")));
  }
}
