package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/** Drops Weft's own frames (hooks, runtime, workers) from stack traces shown to users. */
final class StackFilter {

    private StackFilter() {}

    /** At most {@code limit} frames of {@code stack}, Weft's own left out. */
    static List<StackTraceElement> userFrames(StackTraceElement[] stack, int limit) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("dev.weft.boot.") || cls.startsWith("dev.weft.scheduler.runtime.")
                    || cls.startsWith("dev.weft.scheduler.race.") || cls.startsWith("dev.weft.scheduler.explore.")
                    || cls.startsWith("dev.weft.engine.runner.")
                    || cls.startsWith("java.lang.Thread") || cls.startsWith("jdk.internal.")
                    || cls.equals("java.util.concurrent.locks.LockSupport") || cls.contains("$$Lambda")
                    || cls.startsWith("java.lang.Object") && frame.getMethodName().equals("wait")) {
                continue;
            }
            frames.add(new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber()));
            if (frames.size() == limit) {
                break;
            }
        }
        return frames;
    }
}
