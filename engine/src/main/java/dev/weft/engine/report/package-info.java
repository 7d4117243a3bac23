/**
 * Reports: {@link dev.weft.engine.report.FailureReport} (the message of a failed test, read top to
 * bottom), the scenario tables with a column per thread, plain-text tables, the seed and replay lines;
 * and the same failure as an HTML page ({@link dev.weft.engine.report.FailurePage}, drawn from a
 * {@link dev.weft.engine.report.FailureView}), written with the run's index by
 * {@link dev.weft.engine.report.ReportPages}. Pure functions of their input, but for the pages' files:
 * the same failure prints the same report on every run.
 */
package dev.weft.engine.report;
