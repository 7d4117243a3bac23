/**
 * Entry 4: a cache refresh that clears the map and refills it ({@link
 * dev.weft.examples.cacherefresh.BuggyPriceCache}) versus one that builds a new map and swaps it in
 * through a {@code volatile} field ({@link dev.weft.examples.cacherefresh.PriceCache}). Both read
 * through a {@link dev.weft.examples.cacherefresh.PriceSource}.
 */
package dev.weft.examples.cacherefresh;
