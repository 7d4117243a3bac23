package dev.weft.scheduler.runtime;

import java.util.Objects;
import java.util.Set;

/**
 * Settings of one execution.
 *
 * @param seed drives every nondeterministic draw the runtime makes (identity hash codes, random seeds)
 * @param maxSteps scheduling points after which the execution is declared a hang
 * @param trace whether to record the events of the execution (slower; used to report and replay)
 * @param detection what the data-race and collection-misuse detectors do ({@link DetectionMode#OFF}
 *     unless asked for)
 * @param suppressedRaces fields ({@code Owner.field}, simple class name) whose races are counted but
 *     not reported
 * @param stackCapture an access, {@code (thread << 32) | site id}, whose stack the race detector records
 *     as it happens, or 0: set when an execution is run again to give a race's earlier access its stack
 * @param statics whether the execution starts from a fresh JVM's static state ({@link FreshStatics#ALL}
 *     unless asked otherwise)
 */
public record ExecutionOptions(long seed, long maxSteps, boolean trace, DetectionMode detection, Set<String> suppressedRaces,
        long stackCapture, FreshStatics statics) {

    /** The default step bound: generous for tests of a few operations per thread. */
    public static final long DEFAULT_MAX_STEPS = 200_000;

    public ExecutionOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(statics, "statics");
        suppressedRaces = Set.copyOf(suppressedRaces);
    }

    /** Options with fresh statics. */
    public ExecutionOptions(long seed, long maxSteps, boolean trace, DetectionMode detection, Set<String> suppressedRaces,
            long stackCapture) {
        this(seed, maxSteps, trace, detection, suppressedRaces, stackCapture, FreshStatics.ALL);
    }

    /** Options without the detectors. */
    public ExecutionOptions(long seed, long maxSteps, boolean trace) {
        this(seed, maxSteps, trace, DetectionMode.OFF, Set.of(), 0);
    }

    /** Options without a stack capture. */
    public ExecutionOptions(long seed, long maxSteps, boolean trace, DetectionMode detection, Set<String> suppressedRaces) {
        this(seed, maxSteps, trace, detection, suppressedRaces, 0);
    }

    public static ExecutionOptions of(long seed) {
        return new ExecutionOptions(seed, DEFAULT_MAX_STEPS, false);
    }

    public ExecutionOptions traced() {
        return new ExecutionOptions(seed, maxSteps, true, detection, suppressedRaces, stackCapture, statics);
    }

    public ExecutionOptions withDetection(DetectionMode mode) {
        return new ExecutionOptions(seed, maxSteps, trace, mode, suppressedRaces, stackCapture, statics);
    }

    public ExecutionOptions withSuppressedRaces(Set<String> fields) {
        return new ExecutionOptions(seed, maxSteps, trace, detection, fields, stackCapture, statics);
    }

    public ExecutionOptions withStatics(FreshStatics value) {
        return new ExecutionOptions(seed, maxSteps, trace, detection, suppressedRaces, stackCapture, value);
    }

    /** These options, recording the stack of the earlier access of {@code race} when it happens again. */
    public ExecutionOptions withStackCaptureFor(Outcome.DataRace race) {
        long key = ((long) race.earlier().thread() << 32) | (race.earlier().siteId() & 0xFFFFFFFFL);
        return new ExecutionOptions(seed, maxSteps, trace, detection, suppressedRaces, key, statics);
    }
}
