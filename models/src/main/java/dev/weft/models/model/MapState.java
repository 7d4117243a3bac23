package dev.weft.models.model;

import dev.weft.models.history.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable map from keys to values, the state of a {@link MapModel}. Entries are kept sorted by
 * {@link Value#ORDER} in two arrays: the maps a checker sees hold a handful of keys (one per
 * partition when the history is split by key), so copying on write is cheaper than a tree.
 */
public final class MapState {

  /** The empty map. */
  public static final MapState EMPTY = new MapState(new Object[0], new Object[0]);

  private final Object[] keys;
  private final Object[] values;
  private final int hash;

  private MapState(Object[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
    int h = 0;
    for (int i = 0; i < keys.length; i++) {
      h += Objects.hashCode(keys[i]) ^ Objects.hashCode(values[i]);
    }
    this.hash = h;
  }

  /** The number of entries. */
  public int size() {
    return keys.length;
  }

  /** Position of {@code key}, or {@code -(insertion point) - 1}. */
  int indexOf(Object key) {
    return Arrays.binarySearch(keys, key, Value.ORDER);
  }

  /** Returns whether {@code key} has an entry (possibly with a {@code null} value). */
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  /** The value of {@code key}, or {@code null} when absent. */
  public Object get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  /** Returns whether some entry has {@code value}. */
  public boolean containsValue(Object value) {
    for (Object v : values) {
      if (Objects.equals(v, value)) {
        return true;
      }
    }
    return false;
  }

  /** This map with {@code key} mapped to {@code value}. */
  public MapState with(Object key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      if (Objects.equals(values[i], value)) {
        return this;
      }
      Object[] newValues = values.clone();
      newValues[i] = value;
      return new MapState(keys, newValues);
    }
    int at = -i - 1;
    Object[] newKeys = new Object[keys.length + 1];
    Object[] newValues = new Object[keys.length + 1];
    System.arraycopy(keys, 0, newKeys, 0, at);
    System.arraycopy(values, 0, newValues, 0, at);
    newKeys[at] = key;
    newValues[at] = value;
    System.arraycopy(keys, at, newKeys, at + 1, keys.length - at);
    System.arraycopy(values, at, newValues, at + 1, keys.length - at);
    return new MapState(newKeys, newValues);
  }

  /** This map without an entry for {@code key}. */
  public MapState without(Object key) {
    int i = indexOf(key);
    if (i < 0) {
      return this;
    }
    if (keys.length == 1) {
      return EMPTY;
    }
    Object[] newKeys = new Object[keys.length - 1];
    Object[] newValues = new Object[keys.length - 1];
    System.arraycopy(keys, 0, newKeys, 0, i);
    System.arraycopy(values, 0, newValues, 0, i);
    System.arraycopy(keys, i + 1, newKeys, i, keys.length - i - 1);
    System.arraycopy(values, i + 1, newValues, i, keys.length - i - 1);
    return new MapState(newKeys, newValues);
  }

  /** Key at position {@code i} in {@link Value#ORDER}. */
  Object keyAt(int i) {
    return keys[i];
  }

  /** Value at position {@code i}. */
  Object valueAt(int i) {
    return values[i];
  }

  /** The keys, sorted. */
  public List<Object> keys() {
    return Collections.unmodifiableList(Arrays.asList(keys.clone()));
  }

  /** The values, sorted by {@link Value#ORDER}. */
  public List<Object> values() {
    return Value.sorted(Arrays.asList(values));
  }

  /** The entries as {@code [key, value]} pairs, sorted by key. */
  public List<Object> entries() {
    List<Object> entries = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) {
      entries.add(entry(i));
    }
    return Collections.unmodifiableList(entries);
  }

  /** Entry {@code i} as a {@code [key, value]} pair. */
  List<Object> entry(int i) {
    return Collections.unmodifiableList(Arrays.asList(keys[i], values[i]));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MapState)) {
      return false;
    }
    MapState other = (MapState) o;
    return hash == other.hash
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** {@code {1=10, 2=20}}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      Value.format(keys[i], out);
      out.append('=');
      Value.format(values[i], out);
    }
    return out.append('}').toString();
  }
}
