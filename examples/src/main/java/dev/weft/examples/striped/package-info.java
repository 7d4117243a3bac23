/**
 * Entry 5: a striped (sharded) map — one lock per stripe — whose whole-map operations lock one stripe
 * at a time ({@link dev.weft.examples.striped.BuggyStripedMap}) versus all stripes in a fixed order
 * ({@link dev.weft.examples.striped.StripedMap}). Both implement {@link
 * java.util.concurrent.ConcurrentMap}, so Weft's map form can test them directly.
 */
package dev.weft.examples.striped;
