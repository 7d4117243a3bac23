package dev.weft.examples.caught;

import dev.weft.examples.cacherefresh.BuggyPriceCache;
import dev.weft.examples.cacherefresh.PriceSource;
import dev.weft.examples.cacherefresh.Prices;
import dev.weft.examples.catalogue.PriceCacheContract;

/** {@code BuggyPriceCache} under {@link PriceCacheContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyPriceCacheTest extends PriceCacheContract {

    @Override
    protected Prices newCache(PriceSource source) {
        return new BuggyPriceCache(source);
    }
}
