package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;

import org.junit.jupiter.api.Test;

/**
 * Thread start and end: {@code isAlive}, starting twice, what a started thread sees, uncaught
 * exceptions, and the verdicts of programs that never end.
 */
class ThreadLifecycleSemanticsTest {

    static final class Box {
        int value;
        volatile boolean flag;
    }

    @Test
    void isAlive_fromStartToTheEnd() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread worker = new Thread(() -> box.value = 1);
            boolean beforeStart = worker.isAlive();
            worker.start();
            boolean afterStart = worker.isAlive();
            worker.join();
            return beforeStart + " " + afterStart + " " + worker.isAlive();
        })
                .acceptable("false true false", "alive from start until its end")
                .forbidden("false false false", "isAlive is not a scheduling point, so the worker cannot run between start()"
                        + " and it (a real JVM could run it to its end there: Weft does not explore that)")
                .check();
    }

    @Test
    void startTwice_throwsIllegalThreadState() {
        Outcomes.of(() -> {
            Thread worker = new Thread(() -> { });
            worker.start();
            String second;
            try {
                worker.start();
                second = "started again";
            } catch (IllegalThreadStateException e) {
                second = "IllegalThreadStateException";
            }
            worker.join();
            String afterEnd;
            try {
                worker.start();
                afterEnd = "started again";
            } catch (IllegalThreadStateException e) {
                afterEnd = "IllegalThreadStateException";
            }
            return second + ", after its end: " + afterEnd;
        })
                .acceptable("IllegalThreadStateException, after its end: IllegalThreadStateException",
                        "a thread starts once, alive or ended")
                .check();
    }

    @Test
    void aStartedThread_seesWhatWasWrittenBeforeStart() {
        Outcomes.of(() -> {
            Box box = new Box();
            int[] seen = new int[1];
            box.value = 1;
            Thread reader = start(() -> seen[0] = box.value);
            reader.join();
            return "value " + seen[0];
        })
                .acceptable("value 1", "start comes after the write in the program order of the starting thread")
                .forbidden("value 0", "the started thread ran before the write that preceded start()")
                .check();
    }

    @Test
    void currentThread_isTheStartedThreadObject() {
        Outcomes.of(() -> {
            Thread[] seen = new Thread[1];
            Thread worker = new Thread(() -> seen[0] = Thread.currentThread());
            worker.start();
            worker.join();
            return seen[0] == worker ? "the same object" : "another object: " + seen[0];
        })
                .acceptable("the same object", "a thread is its own currentThread()")
                .check();
    }

    @Test
    void run_withoutStart_runsInTheCaller() {
        Outcomes.of(() -> {
            Thread[] seen = new Thread[1];
            Thread notStarted = new Thread(() -> seen[0] = Thread.currentThread());
            notStarted.run();
            return seen[0] == Thread.currentThread() ? "ran in the caller" : "ran elsewhere";
        })
                .acceptable("ran in the caller", "run() is a plain call: no new thread")
                .check();
    }

    @Test
    void uncaughtException_inAStartedThread_failsTheExecution() {
        Outcomes.of(() -> {
            Thread thrower = start(() -> {
                throw new IllegalStateException("boom");
            });
            thrower.join();
            return "main went on";
        })
                .acceptable("thread 1 threw IllegalStateException", "an uncaught exception in any thread is the verdict")
                .forbidden("main went on", "the exception was swallowed")
                .check();
    }

    @Test
    void uncaughtException_onlyInSomeInterleavings() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread checker = start(() -> {
                if (box.value == 1) {
                    throw new IllegalStateException("saw the write");
                }
            });
            box.value = 1;
            checker.join();
            return "no exception";
        })
                .acceptable("no exception", "the checker read before the write")
                .acceptable("thread 1 threw IllegalStateException", "the checker read after the write")
                .check();
    }

    @Test
    void aSpinLoopNobodyEnds_isAHang_andItsTwinEnds() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread spinner = start(() -> {
                while (!box.flag) {
                    Thread.onSpinWait();
                }
            });
            spinner.join();
            return "spinner ended";
        })
                .acceptable("hang", "nothing sets the flag: the spinner only reads, and no other thread can change it")
                .forbidden("spinner ended", "the loop ended without the flag")
                .check();
        Outcomes.of(() -> {
            Box box = new Box();
            Thread spinner = start(() -> {
                while (!box.flag) {
                    Thread.onSpinWait();
                }
            });
            box.flag = true;
            spinner.join();
            return "spinner ended";
        })
                .acceptable("spinner ended", "the main thread sets the flag")
                .forbidden("hang", "the spinner was declared hung while another thread could set its flag")
                .check();
    }
}
