/**
 * Detectors that watch controlled executions: a happens-before data-race detector (vector clocks
 * with FastTrack epochs) and a misuse detector for non-thread-safe {@code java.util} collections.
 * Both are {@link dev.weft.scheduler.runtime.ExecutionListener}s that the runtime installs per
 * execution when its {@link dev.weft.scheduler.runtime.DetectionMode} is not {@code OFF}; their
 * findings are {@link dev.weft.scheduler.runtime.Outcome.DataRace} and
 * {@link dev.weft.scheduler.runtime.Outcome.CollectionMisuse}. They reason over the executions Weft
 * runs: a race in an interleaving that was never explored is not seen.
 */
package dev.weft.scheduler.race;
