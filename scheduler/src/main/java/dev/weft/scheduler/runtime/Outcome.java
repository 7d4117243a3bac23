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

    /**
     * An uncaught exception or assertion error in a managed thread. Its details are where it was thrown and
     * its causes, each with the frames it does not share with the exception it caused: the headline already
     * carries the message.
     */
    record Failed(int thread, Throwable error) implements Outcome {
        /** Causes shown below the exception, at most. */
        private static final int CAUSES = 5;

        @Override
        public String headline() {
            // an assertion message may end with a line break (AssertJ's containsExactly): the test's name follows it
            return "exception in thread " + thread + ": " + error.toString().stripTrailing();
        }

        @Override
        public String details() {
            StringBuilder text = new StringBuilder();
            appendFrames(text, error.getStackTrace(), 0);
            java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            seen.add(error);
            Throwable enclosing = error;
            for (Throwable cause = error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
                if (seen.size() > CAUSES + 1) {
                    text.append("  caused by … (more causes left out)\n");
                    break;
                }
                text.append("  caused by: ").append(cause).append('\n');
                StackTraceElement[] own = cause.getStackTrace();
                appendFrames(text, own, inCommon(own, enclosing.getStackTrace()));
                enclosing = cause;
            }
            return text.toString();
        }

        private static void appendFrames(StringBuilder text, StackTraceElement[] stack, int commonTail) {
            StackTraceElement[] own = java.util.Arrays.copyOf(stack, stack.length - commonTail);
            // an assertion library's frames on top (Hamcrest's assertThat) say less than the user's line below them
            int top = 0;
            while (top < own.length && dev.weft.scheduler.agent.InstrumentationScope.toolingPackage(own[top].getClassName()) != null) {
                top++;
            }
            if (top < own.length && !StackFilter.hidden(own[top].getClassName(), own[top].getMethodName())) {
                own = java.util.Arrays.copyOfRange(own, top, own.length);
            }
            for (StackTraceElement frame : StackFilter.userFrames(own, 8)) {
                text.append("    at ").append(frame).append('\n');
            }
        }

        /** Frames at the bottom of {@code stack} that {@code enclosing}'s stack ends with too. */
        private static int inCommon(StackTraceElement[] stack, StackTraceElement[] enclosing) {
            int common = 0;
            while (common < stack.length && common < enclosing.length
                    && stack[stack.length - 1 - common].equals(enclosing[enclosing.length - 1 - common])) {
                common++;
            }
            return common;
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

    /**
     * A managed thread called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}: the
     * JVM did not exit; the thread was stopped there.
     *
     * @param call {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}
     * @param details the calling thread's stack
     */
    record Exited(int thread, String call, int status, String details) implements Outcome {
        @Override
        public String headline() {
            return "thread " + thread + " called " + call + "(" + status + ")";
        }
    }

    /** Something ran outside Weft's control (a thread blocked inside the JVM, an instrumentation failure). */
    record Uncontrolled(String reason, String details) implements Outcome {
        @Override
        public String headline() {
            return "uncontrolled concurrency: " + reason;
        }
    }

    /**
     * One side of a data race or a collection misuse.
     *
     * @param thread the thread, numbered as in traces
     * @param action what it did, as the headline says it: {@code writes}, {@code read}, {@code put}
     * @param site where, {@code File.java:line} (for a collection, the method's first line)
     * @param location where, as a stack frame reads: {@code Counter.increment(Counter.java:12)}
     * @param stack the thread's stack, Weft's own frames removed: at the access when
     *     {@code stackAtAccess}, else where the thread was when the finding was made (or empty)
     * @param stackAtAccess whether {@code stack} is the stack of the access itself
     * @param siteId the id of the access's site in this JVM ({@link dev.weft.scheduler.agent.Sites})
     */
    record Access(int thread, String action, String site, String location, List<StackTraceElement> stack,
            boolean stackAtAccess, int siteId) {
        public Access {
            stack = List.copyOf(stack);
        }
    }

    /**
     * Two accesses to the same field or array element, from different threads, at least one a
     * write and at least one plain, with no happens-before between them.
     *
     * @param location the object and field ({@code Counter#1.value}) or element ({@code int[]#2[3]})
     * @param field the field as suppression names it ({@code Counter.value}); for an element, the array type
     * @param earlier the access that happened first
     * @param later the access at which the race was found
     * @param ordering what would have ordered them (locks each held), one line
     */
    record DataRace(String location, String field, Access earlier, Access later, String ordering) implements Outcome {
        @Override
        public String headline() {
            return "data race on " + location + ": thread " + later.thread() + " " + later.action() + " at " + later.site()
                    + ", thread " + earlier.thread() + " " + earlier.action() + " at " + earlier.site() + " without happens-before";
        }

        @Override
        public String details() {
            StringBuilder text = new StringBuilder();
            text.append("  ").append(noun(later)).append(" of ").append(location).append(" by thread ").append(later.thread())
                    .append(":\n");
            appendAccess(text, later);
            text.append("  previous ").append(noun(earlier)).append(" by thread ").append(earlier.thread()).append(":\n");
            appendAccess(text, earlier);
            text.append("  ").append(ordering).append('\n');
            return text.toString();
        }
    }

    /**
     * Two threads inside methods of the same non-thread-safe collection at once, at least one of
     * them changing it.
     *
     * @param collection the collection's name ({@code HashMap#2})
     * @param type its class's simple name
     * @param inside the thread that was inside first
     * @param entering the thread whose entry overlapped it
     */
    record CollectionMisuse(String collection, String type, Access inside, Access entering) implements Outcome {
        @Override
        public String headline() {
            return "concurrent modification of " + collection + ": thread " + inside.thread() + " in " + inside.action()
                    + ", thread " + entering.thread() + " in " + entering.action() + " — " + type + " is not thread-safe";
        }

        @Override
        public String details() {
            StringBuilder text = new StringBuilder();
            text.append("  thread ").append(entering.thread()).append(" enters ").append(type).append('.')
                    .append(entering.action()).append(":\n");
            appendStack(text, null, entering.stack(), null);
            text.append("  while thread ").append(inside.thread()).append(" is inside ").append(type).append('.')
                    .append(inside.action()).append(":\n");
            appendStack(text, null, inside.stack(), null);
            return text.toString();
        }
    }

    private static void appendAccess(StringBuilder text, Access access) {
        if (access.stackAtAccess() && !access.stack().isEmpty()) {
            appendStack(text, null, access.stack(), null);
        } else {
            appendStack(text, access.location(), access.stack(), "thread " + access.thread() + " is now at");
        }
    }

    private static String noun(Access access) {
        return access.action().startsWith("w") ? "write" : "read";
    }

    private static void appendStack(StringBuilder text, String location, List<StackTraceElement> stack, String stackTitle) {
        if (location != null) {
            text.append("      at ").append(location).append('\n');
        }
        if (stack.isEmpty()) {
            return;
        }
        if (stackTitle != null) {
            text.append("    (").append(stackTitle).append(")\n");
        }
        for (StackTraceElement frame : stack) {
            text.append("      at ").append(frame).append('\n');
        }
    }
}
