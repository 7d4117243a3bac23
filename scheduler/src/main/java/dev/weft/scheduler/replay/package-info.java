/**
 * Decisions and replay: what a controlled execution chose, and how to make it choose the same again.
 *
 * <p>A {@link dev.weft.scheduler.replay.RecordingStrategy} wraps any strategy and records its
 * contested picks as a run-length encoded {@link dev.weft.scheduler.replay.DecisionList}; a
 * {@link dev.weft.scheduler.replay.ReplayToken} packs that list with everything else an execution
 * needs into one printable, checksummed string; a {@link dev.weft.scheduler.replay.ReplayStrategy}
 * follows the list and fails with a {@link dev.weft.scheduler.replay.ReplayDivergenceException}
 * naming the step where the program no longer fits it.
 */
package dev.weft.scheduler.replay;
