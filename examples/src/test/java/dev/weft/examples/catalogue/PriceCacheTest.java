package dev.weft.examples.catalogue;

import dev.weft.examples.cacherefresh.PriceCache;
import dev.weft.examples.cacherefresh.PriceSource;
import dev.weft.examples.cacherefresh.Prices;

/** {@code PriceCache} under {@link PriceCacheContract}: the fix passes every test. */
class PriceCacheTest extends PriceCacheContract {

    @Override
    protected Prices newCache(PriceSource source) {
        return new PriceCache(source);
    }
}
