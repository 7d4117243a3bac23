package dev.weft.examples.cacherefresh;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PriceSource} held in memory, for tests and demonstrations.
 *
 * <p>Concurrency contract: safe for any number of threads; {@link #store} is linearizable, and {@link
 * #loadAll()} copies by weakly consistent iteration (it sees every store that returned before it
 * started).
 */
public final class InMemoryPriceSource implements PriceSource {

    private final Map<String, Long> centsByProduct = new ConcurrentHashMap<>();

    /** A source holding {@code initial} prices. */
    public InMemoryPriceSource(Map<String, Long> initial) {
        centsByProduct.putAll(initial);
    }

    @Override
    public Map<String, Long> loadAll() {
        return Map.copyOf(centsByProduct);
    }

    @Override
    public void store(String product, long cents) {
        centsByProduct.put(Objects.requireNonNull(product, "product"), cents);
    }
}
