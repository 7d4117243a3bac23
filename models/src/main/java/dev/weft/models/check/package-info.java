/**
 * The linearizability checker. {@link dev.weft.models.check.Checker#check} runs Wing and Gong's
 * backtracking search with Lowe's just-in-time linearization and memo of (linearized operations,
 * model state), on each part of the history its model splits off (P-compositionality: a map history
 * is split by key unless a whole-map operation is present), within a
 * {@link dev.weft.models.check.Budget} of time and memo states. It returns a
 * {@link dev.weft.models.check.CheckResult}: a {@link dev.weft.models.check.Verdict}, and for a
 * violation an {@link dev.weft.models.check.Explanation} (the failing part, the longest linearizable
 * prefix, the operation that cannot be placed next and what the model would have returned). A
 * {@code Checker} is immutable and may be shared between threads; each check allocates only arrays
 * proportional to the history, so small histories check in microseconds.
 */
package dev.weft.models.check;
