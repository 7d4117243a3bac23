package dev.weft.scheduler.runtime.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A started thread's uncaught exception goes where the JVM sends it: to the thread's own handler, its
 * group's {@code uncaughtException} when the group overrides it, or the default handler; Weft calls it
 * on the thread, and the thread then ends quietly. With no handler of the program's the exception is
 * the verdict, as is one that a handler throws.
 */
class UncaughtExceptionSemanticsTest {

    private static Thread failing() {
        return new Thread(() -> {
            throw new IllegalStateException("boom");
        });
    }

    @Test
    void ownHandler_getsTheException_andTheThreadEndsQuietly() {
        Outcomes.of(() -> {
            String[] seen = new String[1];
            Thread thread = failing();
            thread.setUncaughtExceptionHandler((t, e) -> seen[0] = (t == thread) + " " + e.getMessage());
            thread.start();
            thread.join();
            return "handled: " + seen[0];
        })
                .acceptable("handled: true boom", "the handler got the thread and its exception, as in the JVM")
                .forbidden("thread 1 threw IllegalStateException", "the thread's own handler was not called")
                .check();
    }

    @Test
    void handlerThatThrows_isTheVerdict() {
        Outcomes.of(() -> {
            Thread thread = failing();
            thread.setUncaughtExceptionHandler((t, e) -> {
                throw new AssertionError("unexpected " + e.getMessage());
            });
            thread.start();
            thread.join();
            return "returned";
        })
                .acceptable("thread 1 threw AssertionError", "the handler's own failure fails the test")
                .forbidden("returned", "the JVM ignores what a handler throws; a test's handler that throws means to fail")
                .check();
    }

    @Test
    void noHandler_isTheVerdict() {
        Outcomes.of(() -> {
            Thread thread = failing();
            thread.start();
            thread.join();
            return "returned";
        })
                .acceptable("thread 1 threw IllegalStateException", "nothing of the program's handles it")
                .check();
    }

    @Test
    void plainThreadGroup_isNoHandler() {
        Outcomes.of(() -> {
            Thread thread = new Thread(new ThreadGroup("plain"), () -> {
                throw new IllegalStateException("boom");
            });
            thread.start();
            thread.join();
            return "returned";
        })
                .acceptable("thread 1 threw IllegalStateException", "a plain group only prints the stack")
                .check();
    }

    @Test
    void groupThatOverridesUncaughtException_getsIt() {
        Outcomes.of(() -> {
            CollectingGroup group = new CollectingGroup();
            Thread thread = new Thread(group, () -> {
                throw new IllegalStateException("boom");
            });
            thread.start();
            thread.join();
            return "group got " + group.seen;
        })
                .acceptable("group got boom", "the JVM calls the group's uncaughtException")
                .check();
    }

    @Test
    void defaultHandler_setByTheProgram_getsIt_andIsGoneAfterward() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Outcomes.of(() -> {
            String[] seen = new String[1];
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> seen[0] = e.getMessage());
            Thread thread = failing();
            thread.start();
            thread.join();
            return "default got " + seen[0];
        })
                .acceptable("default got boom", "the JVM calls the default handler when thread and group have none")
                .check();
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).as("the program's default handler, after the exploration")
                .isSameAs(before);
    }
}
