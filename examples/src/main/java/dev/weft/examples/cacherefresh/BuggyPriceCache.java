package dev.weft.examples.cacherefresh;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A write-through price cache whose {@link #refresh()} clears the map and fills it again from the
 * {@link PriceSource}. <strong>Buggy on purpose</strong>: entry 4 of the catalogue.
 *
 * <p><b>The bug.</b> Two symptoms. (1) Empty reads: a {@link #priceOf} that runs between {@code
 * clear()} and {@code putAll()} finds nothing for a product that is priced before and after the
 * refresh — the cache reports "no such product", or callers stampede the source. (2) Lost writes: an
 * {@link #updatePrice} that lands after the refresh loaded the source but before it cleared the map is
 * wiped, and the refill puts the old price back: the cache now disagrees with the source until the
 * next refresh.
 *
 * <p><b>Why.</b> Every call on the {@link ConcurrentHashMap} is atomic, but the refresh is three of
 * them (load, clear, put all) and other threads see the states in between.
 *
 * <p><b>The fix.</b> {@link PriceCache}: build the new contents off to the side and publish them with
 * one write of a {@code volatile} field; serialize the writers (refresh and update) with one lock so
 * that an update is either seen by the load or applied to the new contents.
 *
 * <p>Concurrency contract: no method throws under concurrency, but {@code refresh} is not atomic: see
 * above.
 */
public final class BuggyPriceCache implements Prices {

    private final PriceSource source;
    private final Map<String, Long> centsByProduct = new ConcurrentHashMap<>();

    /** A cache over {@code source}, loaded once now. */
    public BuggyPriceCache(PriceSource source) {
        this.source = Objects.requireNonNull(source, "source");
        centsByProduct.putAll(source.loadAll());
    }

    /** The cached price of {@code product} in cents, or empty if it has none. */
    public Optional<Long> priceOf(String product) {
        return Optional.ofNullable(centsByProduct.get(Objects.requireNonNull(product, "product")));
    }

    /** Stores a new price in the source and in the cache. */
    public void updatePrice(String product, long cents) {
        source.store(Objects.requireNonNull(product, "product"), cents);
        centsByProduct.put(product, cents);
    }

    /** Reloads every price from the source. */
    public void refresh() {
        Map<String, Long> loaded = source.loadAll();
        centsByProduct.clear();
        centsByProduct.putAll(loaded);
    }

    /** The number of cached prices. */
    public int size() {
        return centsByProduct.size();
    }
}
