/**
 * The text of reports: {@link dev.weft.engine.report.FailureReport} (the message of a failed test, read
 * top to bottom), the scenario tables with a column per thread, plain-text tables, and the seed and
 * replay lines. Pure functions of their input: the same failure prints the same report on every run.
 */
package dev.weft.engine.report;
