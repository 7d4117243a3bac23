package dev.weft.scheduler.runtime;

import java.util.List;

/** How one execution ended. Everything but {@link Passed} is a failure a test reports. */
public sealed interface Outcome {

    /** One line: the verdict and where, as the first line of a report. */
    String headline();

    /** Details below the headline (stacks, wait-for cycle); may be empty. */
    String details();

    default boolean failed() {
        return !(this instanceof Passed);
    }

    /** Every thread finished without an uncaught exception. */
    record Passed() implements Outcome {
        @Override
        public String headline() {
            return "passed";
        }

        @Override
        public String details() {
            return "";
        }
    }

    /** An uncaught exception or assertion error in a managed thread. */
    record Failed(int thread, Throwable error) implements Outcome {
        @Override
        public String headline() {
            return "exception in thread " + thread + ": " + error;
        }

        @Override
        public String details() {
            StringBuilder text = new StringBuilder();
            for (StackTraceElement frame : StackFilter.userFrames(error.getStackTrace(), 8)) {
                text.append("    at ").append(frame).append('\n');
            }
            return text.toString();
        }
    }

    /** No thread can run while some are blocked. */
    record Deadlock(List<String> cycle, String details) implements Outcome {
        @Override
        public String headline() {
            return "deadlock: " + String.join(", ", cycle);
        }
    }

    /** The execution did not finish within its step bound, or its threads only spin. */
    record Hang(String reason, String details) implements Outcome {
        @Override
        public String headline() {
            return "hang: " + reason;
        }
    }

    /**
     * Every thread finished, but a judge outside the runtime rejected what the execution did (for
     * example a linearizability checker rejecting its history).
     *
     * @param verdict what the judge found, in a few words ({@code not linearizable})
     * @param details the judge's explanation
     */
    record Rejected(String verdict, String details) implements Outcome {
        @Override
        public String headline() {
            return verdict;
        }
    }

    /** Something ran outside Weft's control (a thread blocked inside the JVM, an instrumentation failure). */
    record Uncontrolled(String reason, String details) implements Outcome {
        @Override
        public String headline() {
            return "uncontrolled concurrency: " + reason;
        }
    }
}
