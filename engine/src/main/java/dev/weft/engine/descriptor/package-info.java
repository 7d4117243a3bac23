/**
 * The test tree: the engine's root (carrying the configuration parsed once), a container per test class
 * with a {@code ClassSource}, and a test per {@code @ConcurrencyTest} method with a {@code MethodSource}
 * and a stable unique id, {@code [engine:weft]/[class:…]/[method:name()]}. A test node turns its plan's
 * exploration result, an invalid declaration or an invalid configuration into a pass or a failure.
 */
package dev.weft.engine.descriptor;
