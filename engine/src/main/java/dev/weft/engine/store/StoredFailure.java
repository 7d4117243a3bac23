package dev.weft.engine.store;

import java.time.Instant;

/**
 * A failure recorded by a previous run: enough to replay it first on the next run.
 *
 * @param uniqueId the failed test's unique id
 * @param replayToken the token of the failing execution
 * @param seed the seed of the run that failed
 * @param verdict the verdict line's verdict, such as {@code not linearizable}
 * @param recordedAt when the failure was recorded
 */
public record StoredFailure(String uniqueId, String replayToken, long seed, String verdict, Instant recordedAt) {
}
