package dev.weft.scheduler.strategy;

import java.util.Optional;

/**
 * A randomized strategy restricted to one {@link Shard}: its local execution {@code l} is the
 * unsharded exploration's execution {@code j = l·count + index}, so shard {@code i} runs exactly the
 * indices {@code j ≡ i (mod count)}.
 *
 * <p>Correct only for strategies whose execution {@code j} depends on the seed and {@code j} alone
 * (random walk, PCT, POS, portfolio); bounded-exhaustive search splits its tree instead, see
 * {@link ExhaustiveStrategy}. Use {@link Strategies#shard}, which picks the right split.
 */
public final class ShardedStrategy implements Strategy {

    private final Strategy delegate;
    private final Shard shard;

    ShardedStrategy(Strategy delegate, Shard shard) {
        this.delegate = delegate;
        this.shard = shard;
    }

    /** The unsharded execution index of this shard's local execution {@code localIndex}. */
    public long globalIndex(long localIndex) {
        return localIndex * shard.count() + shard.index();
    }

    /** The shard this strategy runs. */
    public Shard shard() {
        return shard;
    }

    @Override
    public void beginExecution(long index) {
        delegate.beginExecution(globalIndex(index));
    }

    @Override
    public int pick(SchedulingPoint point) {
        return delegate.pick(point);
    }

    @Override
    public boolean endExecution() {
        return delegate.endExecution();
    }

    @Override
    public String describe() {
        return delegate.describe() + " shard " + shard;
    }

    @Override
    public Strategy deciding() {
        return delegate.deciding();
    }

    @Override
    public Optional<String> completionStatement() {
        return delegate.completionStatement();
    }
}
