package dev.weft.engine.runner;

import dev.weft.scheduler.replay.ReplayDivergenceException;

/**
 * The paragraph a report gets when the program did not run the same way twice: where, what was
 * expected and found, the likely source, and what the user can do. Weft's own stack never shows.
 */
final class Nondeterminism {

    static final String SECTION = "Replay";

    private static final String SOURCE = "state that outlives an execution (a static field, a cache or a lazily created"
            + " singleton that an earlier execution filled), or the clock, random numbers or threads in code weft does"
            + " not control (native code, a library's own thread pool)";
    private static final String REMEDY = "make the test start from the same state every time (reset such state at its"
            + " start, or keep it in the test instance), give the code under test executors of its own rather than ones"
            + " created once per JVM, and run again; if none of that applies, report it with the token below";

    private Nondeterminism() {}

    /** After a finding whose replay (for its interleaving, or from a token) diverged. */
    static String replayDiverged(ReplayDivergenceException e) {
        return "weft could not replay this execution: the program did not run the same way twice. Nondeterminism at"
                + " step " + e.step() + ": " + expectation(e) + ". The likely source is " + SOURCE + ". What you can do: "
                + REMEDY + ".";
    }

    /** A bounded-exhaustive search saw one list of decisions give two different executions. */
    static String searchDiverged(IllegalStateException e) {
        String detail = e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip();
        return "the same decisions gave two different executions, so the search cannot tell which interleavings it"
                + " covered. Nondeterminism: " + detail + ". The likely source is " + SOURCE + ". What you can do: "
                + REMEDY + ".";
    }

    /** Whether {@code e} is the exhaustive strategy's report of a program that did not run the same way twice. */
    static boolean isSearchDivergence(IllegalStateException e) {
        return e.getMessage() != null && e.getMessage().startsWith("nondeterministic program:");
    }

    private static String expectation(ReplayDivergenceException e) {
        return switch (e.kind()) {
            case NOT_ENABLED -> "the recorded schedule ran a thread there that could not run in the replay ("
                    + e.detail() + ")";
            case OTHER_LOCATION -> "a thread was about to run other code than recorded (" + e.detail() + ")";
            case MORE_DECISIONS -> "the replay went on where the recorded execution had ended (" + e.detail() + ")";
            case ENDED_EARLY -> "the replay ended where the recorded execution went on (" + e.detail() + ")";
        };
    }
}
