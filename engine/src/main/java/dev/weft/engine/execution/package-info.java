/**
 * The execution seam: the immutable {@link dev.weft.engine.execution.TestPlan} the engine builds for
 * each test (identity, {@link dev.weft.engine.execution.TestProgram} by form, resolved settings, stored
 * failure) and the {@link dev.weft.engine.execution.TestExplorer} interface that explores it, which
 * the engine's {@link dev.weft.engine.runner.ControlledExplorer} implements on the controlled runtime.
 */
package dev.weft.engine.execution;
