/**
 * The catalogue's contract tests: one abstract class per entry holds its {@code @ConcurrencyTest}s and
 * asks its subclasses for the object under test. The fixed variants' subclasses live here and pass in
 * the normal suite; the buggy variants' subclasses live in {@code dev.weft.examples.caught}, where {@code
 * dev.weft.examples.CatalogueCaughtTest} checks that each is caught with the expected report. A contract
 * names the catalogue's classes only through the interface their variants share, so that loading a test
 * class loads no variant before the agent rewrites it.
 */
package dev.weft.examples.catalogue;
