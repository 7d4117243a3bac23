/**
 * The buggy variants of the catalogue, each under its entry's contract ({@code
 * dev.weft.examples.catalogue}): the test that its bug breaks is meant to fail. They are kept out of the
 * normal Surefire run and run by {@code dev.weft.examples.CatalogueCaughtTest}, which asserts that each
 * is caught with the expected kind of report.
 */
package dev.weft.examples.caught;
