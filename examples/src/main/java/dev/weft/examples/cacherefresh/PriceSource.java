package dev.weft.examples.cacherefresh;

import java.util.Map;

/**
 * The system of record behind a price cache: a database table, a remote service.
 *
 * <p>Concurrency contract: implementations must be safe for any number of threads, and {@link
 * #loadAll()} must return a map that reflects every {@link #store} that returned before it was called.
 */
public interface PriceSource {

    /** Every product's price in cents, as a map the caller may keep. */
    Map<String, Long> loadAll();

    /** Stores {@code product}'s new price in cents. */
    void store(String product, long cents);
}
