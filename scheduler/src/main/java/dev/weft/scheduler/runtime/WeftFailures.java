package dev.weft.scheduler.runtime;

/**
 * Failures of Weft's own runtime inside the program: exceptions a hook threw that the program may
 * have caught and gone on from. An execution with one cannot count as passed. Touched only by the
 * thread with the turn.
 */
final class WeftFailures {

    /** The first exception a hook of the runtime threw that was not the program's. */
    private Throwable weftFailure;
    private int weftFailures;

    /**
     * Every exception a hook throws passes here first. The ones a hook throws on purpose — the
     * unwinding of an execution that is over, and what the JDK's own method would have thrown
     * ({@code InterruptedException}, {@code IllegalMonitorStateException}, …) — are the program's to
     * handle. Anything else is a failure of Weft's inside the program: the program may catch it and
     * go on, but the execution then cannot count as passed.
     */
    void raised(Throwable thrown) {
        if (thrown instanceof ExecutionAbort || thrown instanceof InterruptedException
                || thrown instanceof IllegalMonitorStateException || thrown instanceof IllegalArgumentException
                || thrown instanceof VirtualMachineError || thrown instanceof ProgramException) {
            return;
        }
        weftFailures++;
        if (weftFailure == null) {
            weftFailure = thrown;
        }
    }

    /** Whether a failure of Weft's was raised in this execution. */
    boolean any() {
        return weftFailure != null;
    }

    /** The outcome of an execution in which Weft's runtime failed: it cannot pass. */
    Outcome outcome() {
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : weftFailure.getStackTrace()) {
            stack.append("    at ").append(frame).append('\n');
            if (stack.length() > 2_000) {
                break;
            }
        }
        return new Outcome.Uncontrolled("weft's runtime failed inside the program (" + weftFailure
                + (weftFailures > 1 ? ", and " + (weftFailures - 1) + " more" : "")
                + "); the program may have caught it, so this execution cannot pass", stack.toString());
    }
}
