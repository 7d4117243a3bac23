package dev.weft.scheduler.runtime;

/** Lets a test make the runtime's {@code currentTimeMillis} hook fail, as a defect of Weft's would. */
public final class InjectedFailures {

    private InjectedFailures() {}

    public static void inCurrentTimeMillis(RuntimeException failure) {
        Execution.injectedFailure = failure;
    }
}
