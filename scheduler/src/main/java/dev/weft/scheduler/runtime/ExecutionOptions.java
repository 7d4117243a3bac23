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
 * @param expectedSteps when tracing, how many steps the execution is known to take (a replay knows it
 *     from its decisions), or 0: a longer one than {@link #TRACE_HEAD_STEPS} + {@link #TRACE_TAIL_STEPS}
 *     keeps the events of its first and last steps only, so that replaying a hang at a step bound of
 *     millions costs neither minutes nor gigabytes
 * @param statics whether the execution starts from a fresh JVM's static state ({@link FreshStatics#ALL}
 *     unless asked otherwise)
 */
public record ExecutionOptions(long seed, long maxSteps, boolean trace, DetectionMode detection, Set<String> suppressedRaces,
        long stackCapture, long expectedSteps, FreshStatics statics) {

    /**
     * The default step bound: far beyond any ordinary set-up (150,000 appends to an {@code ArrayList}
     * take about 900,000 steps), reached in a few seconds by a program that never ends.
     */
    public static final long DEFAULT_MAX_STEPS = 10_000_000;

    /** Steps at the start of a long traced execution whose events are kept. */
    public static final long TRACE_HEAD_STEPS = 20_000;

    /** Steps at the end of a long traced execution whose events are kept. */
    public static final long TRACE_TAIL_STEPS = 20_000;

    public ExecutionOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(statics, "statics");
        suppressedRaces = Set.copyOf(suppressedRaces);
        if (expectedSteps < 0) {
            throw new IllegalArgumentException("expectedSteps must be at least 0, was " + expectedSteps);
        }
    }

    /** Options without an expected length, with fresh statics. */
    public ExecutionOptions(long seed, long maxSteps, boolean trace, DetectionMode detection, Set<String> suppressedRaces,
            long stackCapture) {
        this(seed, maxSteps, trace, detection, suppressedRaces, stackCapture, 0, FreshStatics.ALL);
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
        return new ExecutionOptions(seed, maxSteps, true, detection, suppressedRaces, stackCapture, expectedSteps, statics);
    }

    public ExecutionOptions withDetection(DetectionMode mode) {
        return new ExecutionOptions(seed, maxSteps, trace, mode, suppressedRaces, stackCapture, expectedSteps, statics);
    }

    public ExecutionOptions withSuppressedRaces(Set<String> fields) {
        return new ExecutionOptions(seed, maxSteps, trace, detection, fields, stackCapture, expectedSteps, statics);
    }

    /** These options, for an execution known to take about {@code steps} steps (see {@code expectedSteps}). */
    public ExecutionOptions withExpectedSteps(long steps) {
        return new ExecutionOptions(seed, maxSteps, trace, detection, suppressedRaces, stackCapture, steps, statics);
    }

    /** These options, untraced (and so without an expected length). */
    public ExecutionOptions untraced() {
        return new ExecutionOptions(seed, maxSteps, false, detection, suppressedRaces, stackCapture, 0, statics);
    }

    public ExecutionOptions withStatics(FreshStatics value) {
        return new ExecutionOptions(seed, maxSteps, trace, detection, suppressedRaces, stackCapture, expectedSteps, value);
    }

    /** These options, recording the stack of the earlier access of {@code race} when it happens again. */
    public ExecutionOptions withStackCaptureFor(Outcome.DataRace race) {
        long key = ((long) race.earlier().thread() << 32) | (race.earlier().siteId() & 0xFFFFFFFFL);
        return new ExecutionOptions(seed, maxSteps, trace, detection, suppressedRaces, key, expectedSteps, statics);
    }
}
