package dev.weft.examples.cacherefresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both caches. */
class PriceCacheTest {

    @Test
    void fixed_updateAndRefresh_followTheSource() {
        var source = new InMemoryPriceSource(Map.of("apple", 30L, "pear", 45L));
        var cache = new PriceCache(source);
        assertThat(cache.priceOf("apple")).contains(30L);
        assertThat(cache.priceOf("plum")).isEmpty();

        cache.updatePrice("apple", 35L);
        assertThat(cache.priceOf("apple")).contains(35L);
        assertThat(source.loadAll()).containsEntry("apple", 35L);

        source.store("plum", 60L);
        assertThat(cache.priceOf("plum")).isEmpty();
        cache.refresh();
        assertThat(cache.priceOf("plum")).contains(60L);
        assertThat(cache.priceOf("apple")).contains(35L);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void buggy_updateAndRefresh_followTheSourceOnOneThread() {
        var source = new InMemoryPriceSource(Map.of("apple", 30L, "pear", 45L));
        var cache = new BuggyPriceCache(source);
        assertThat(cache.priceOf("apple")).contains(30L);
        assertThat(cache.priceOf("plum")).isEmpty();

        cache.updatePrice("apple", 35L);
        assertThat(cache.priceOf("apple")).contains(35L);
        assertThat(source.loadAll()).containsEntry("apple", 35L);

        source.store("plum", 60L);
        assertThat(cache.priceOf("plum")).isEmpty();
        cache.refresh();
        assertThat(cache.priceOf("plum")).contains(60L);
        assertThat(cache.priceOf("apple")).contains(35L);
        assertThat(cache.size()).isEqualTo(3);
    }
}
