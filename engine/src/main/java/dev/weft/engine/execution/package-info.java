/**
 * The execution seam: the immutable {@link dev.weft.engine.execution.TestPlan} the engine builds for
 * each test (identity, {@link dev.weft.engine.execution.Program} by form, resolved settings, stored
 * failure) and the {@link dev.weft.engine.execution.Explorer} interface the controlled runtime
 * implements. Until a runtime registers an explorer, {@link
 * dev.weft.engine.execution.UnavailableExplorer} fails every test: an unexplored test never passes.
 */
package dev.weft.engine.execution;
