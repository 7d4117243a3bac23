/**
 * Exploration strategies: who runs next at each scheduling point of a controlled execution.
 *
 * <p>The runtime drives one {@link dev.weft.scheduler.strategy.Strategy} per exploration: random
 * walk, PCT, POS, bounded-exhaustive search by preemptions and a portfolio of the randomized ones,
 * created by name through {@link dev.weft.scheduler.strategy.Strategies}. Randomized strategies
 * derive execution {@code j}'s randomness from the seed and {@code j} only, which is what makes an
 * exploration splittable into {@link dev.weft.scheduler.strategy.Shard shards}. Strategies see only
 * the {@link dev.weft.scheduler.strategy.SchedulingPoint} view; they explore sequentially consistent
 * interleavings and know nothing of memory-model reorderings.
 */
package dev.weft.scheduler.strategy;
