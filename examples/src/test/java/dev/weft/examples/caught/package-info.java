/**
 * The buggy variants of the catalogue under {@code @ConcurrencyTest}: every test here is meant to
 * fail. They are kept out of the normal Surefire run and run by
 * {@code dev.weft.examples.CatalogueCaughtTest}, which asserts that each fails with the expected kind
 * of report.
 */
package dev.weft.examples.caught;
