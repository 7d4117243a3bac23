/**
 * Sequential models: what a correct object may return. A {@link dev.weft.models.model.Model} is an
 * initial state plus a step function from (state, operation) to the allowed
 * {@link dev.weft.models.model.Outcome}s (result, next state); several outcomes express a weakly
 * specified operation. States must be immutable with {@code equals} and {@code hashCode}, because
 * the checker memoizes them. The built-in {@link dev.weft.models.model.MapModel} follows the Javadoc
 * of {@code HashMap} ({@code map}), {@code ConcurrentHashMap} ({@code concurrent-map}) and
 * {@code ConcurrentSkipListMap} ({@code navigable-map}), nulls and exceptions included; obtain one
 * with {@link dev.weft.models.model.MapModel#named(String)} or
 * {@link dev.weft.models.model.MapModel#of(MapContract)}.
 */
package dev.weft.models.model;
