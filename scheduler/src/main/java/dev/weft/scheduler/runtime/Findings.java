package dev.weft.scheduler.runtime;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the detectors see of an execution and what they find in it: the {@link ExecutionControl} an
 * {@link ExecutionListener} is given (names of objects, a thread's stack, a finding reported), the
 * warnings kept under {@link DetectionMode#WARN} and the count of findings the settings suppress.
 * Called from the listener's callbacks, on the thread with the turn.
 */
final class Findings implements ExecutionControl {

    private final Execution execution;
    private final List<LogicalThread> threads;
    private final ObjectNames names;
    private final DetectionMode detection;
    private final Warnings warnings = new Warnings(Warnings.LIMIT);
    private final TreeMap<String, Integer> suppressed = new TreeMap<>();

    Findings(Execution execution, DetectionMode detection) {
        this.execution = execution;
        this.threads = execution.threads;
        this.names = execution.names;
        this.detection = detection;
    }

    @Override
    public String objectName(Object object) {
        return names.name(object);
    }

    @Override
    public List<StackTraceElement> stack(int thread, int limit) {
        LogicalThread t = thread >= 0 && thread < threads.size() ? threads.get(thread) : null;
        if (t == null || t.finished) {
            return List.of();
        }
        if (t.worker != null && t.worker.thread == Thread.currentThread()) {
            return StackFilter.userFrames(Thread.currentThread().getStackTrace(), limit);
        }
        return t.worker == null ? List.of() : StackFilter.userFrames(t.worker.thread.getStackTrace(), limit);
    }

    @Override
    public void report(Outcome finding) {
        if (detection == DetectionMode.FAIL) {
            execution.ending.finish(finding);
            throw new ExecutionAbort();
        }
        warnings.add(finding);
    }

    @Override
    public void suppressed(String field) {
        suppressed.merge(field, 1, Integer::sum);
    }

    /** The findings kept as warnings (under {@link DetectionMode#WARN}). */
    List<Outcome> warnings() {
        return warnings.list();
    }

    /** Per field, how many findings the settings suppressed. */
    Map<String, Integer> suppressedRaces() {
        return suppressed;
    }
}
