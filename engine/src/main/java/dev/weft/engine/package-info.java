/**
 * The Weft test engine for the JUnit Platform, {@link dev.weft.engine.WeftTestEngine}, registered as a
 * service under the engine id {@code weft}. Its sub-packages hold configuration, discovery and
 * validation, the test tree, the execution seam, scenarios, reports and the failure store.
 */
package dev.weft.engine;
