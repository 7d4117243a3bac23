package dev.weft.scheduler.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What programs saw go wrong while an execution unwound, kept outside instrumentation (Weft's own
 * packages are never rewritten), so that recording it is not itself part of the program.
 */
public final class UnwindingRecorder {

    private static final List<Throwable> SEEN = new CopyOnWriteArrayList<>();

    private UnwindingRecorder() {}

    /** Records {@code error} unless it is Weft's own unwinding. */
    public static void record(Throwable error) {
        if (!(error instanceof ExecutionAbort)) {
            SEEN.add(error);
        }
    }

    /** What was recorded since the last call, cleared. */
    public static List<Throwable> drain() {
        List<Throwable> seen = List.copyOf(SEEN);
        SEEN.clear();
        return seen;
    }
}
