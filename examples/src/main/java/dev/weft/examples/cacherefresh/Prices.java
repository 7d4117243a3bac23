package dev.weft.examples.cacherefresh;

import java.util.Optional;

/**
 * Cached prices that a refresh reloads while other threads read them (entry 4 of the catalogue): {@link
 * BuggyPriceCache} and its fix {@link PriceCache} both implement it, so that one contract test runs both.
 */
public interface Prices {

    /** The cached price of {@code product} in cents, or empty if it has none. */
    Optional<Long> priceOf(String product);

    /** Stores a new price in the source and in the cache. */
    void updatePrice(String product, long cents);

    /** Reloads every price from the source. */
    void refresh();

    /** The number of cached prices. */
    int size();
}
