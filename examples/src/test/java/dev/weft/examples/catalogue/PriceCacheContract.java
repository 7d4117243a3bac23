package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.cacherefresh.InMemoryPriceSource;
import dev.weft.examples.cacherefresh.PriceSource;
import dev.weft.examples.cacherefresh.Prices;
import java.util.Map;
import java.util.Optional;

/**
 * Entry 4: a read during a refresh sees a price. The buggy variant clears the cache, then refills it;
 * the fix builds the new contents aside and publishes them in one write.
 */
public abstract class PriceCacheContract {

    /** A new cache over {@code source}. */
    protected abstract Prices newCache(PriceSource source);

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void readDuringRefresh_seesAPrice() throws Exception {
        Prices cache = newCache(new InMemoryPriceSource(Map.of("tea", 250L)));
        Optional<?>[] seen = new Optional<?>[1];
        runConcurrently(cache::refresh, () -> seen[0] = cache.priceOf("tea"));
        check(seen[0].isPresent(), "a read during refresh found no price for tea");
    }
}
