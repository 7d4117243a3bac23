/**
 * Discovery and validation: the selector resolvers that find {@code @ConcurrencyTest} methods in
 * class-path roots, packages, classes, methods and unique ids, and {@link
 * dev.weft.engine.discovery.DeclarationValidator}, which checks each declaration and names the method,
 * the bad value and the fix for every problem. Invalid declarations are reported as discovery issues and
 * kept as failing test nodes; one bad test never stops the others.
 */
package dev.weft.engine.discovery;
