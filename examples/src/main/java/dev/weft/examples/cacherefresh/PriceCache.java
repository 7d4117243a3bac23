package dev.weft.examples.cacherefresh;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A write-through price cache whose {@link #refresh()} swaps in new contents at once: the fix of {@link
 * BuggyPriceCache} (entry 4 of the catalogue).
 *
 * <p>The contents are an immutable map in a {@code volatile} field. Readers read the field once and
 * never take a lock: they see either the old contents or the new, never an empty or half-filled map.
 * Writers — {@link #refresh()} and {@link #updatePrice} — hold {@code writerLock}, so an update either
 * reaches the source before the refresh loads it, or is applied to the contents the refresh installed.
 * (An {@code AtomicReference} serves as well as the {@code volatile} field; the lock, not the field, is
 * what keeps updates from being lost.)
 *
 * <p>Concurrency contract: safe for any number of threads; every method is linearizable, and reads
 * never block. Limits: each update copies the whole map and refresh loads the source while holding the
 * writer lock — right for a read-mostly cache of thousands of entries, wrong for a write-heavy one.
 */
public final class PriceCache implements Prices {

    private final PriceSource source;
    private final Object writerLock = new Object();
    private volatile Map<String, Long> centsByProduct;

    /** A cache over {@code source}, loaded once now. */
    public PriceCache(PriceSource source) {
        this.source = Objects.requireNonNull(source, "source");
        this.centsByProduct = Map.copyOf(source.loadAll());
    }

    /** The cached price of {@code product} in cents, or empty if it has none. */
    public Optional<Long> priceOf(String product) {
        return Optional.ofNullable(centsByProduct.get(Objects.requireNonNull(product, "product")));
    }

    /** Stores a new price in the source and in the cache. */
    public void updatePrice(String product, long cents) {
        Objects.requireNonNull(product, "product");
        synchronized (writerLock) {
            source.store(product, cents);
            Map<String, Long> next = new HashMap<>(centsByProduct);
            next.put(product, cents);
            centsByProduct = Map.copyOf(next);
        }
    }

    /** Reloads every price from the source and publishes the new contents in one write. */
    public void refresh() {
        synchronized (writerLock) {
            centsByProduct = Map.copyOf(source.loadAll());
        }
    }

    /** The number of cached prices. */
    public int size() {
        return centsByProduct.size();
    }
}
