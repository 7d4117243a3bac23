package dev.weft.engine.runner;

import dev.weft.engine.report.FailureView;
import dev.weft.engine.report.FailureView.Highlight;
import dev.weft.engine.scenario.Scenario;
import dev.weft.scheduler.agent.InstrumentationScope;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link FailureView} of a failed execution from its outcome and trace: which events are
 * the racing accesses or the failing step. An access at which the runtime stopped the execution (a
 * race found at the access, a thread entering a collection another is inside) never made it into
 * the trace; it is added at the end, so that the page shows both sides.
 */
final class FailureViews {

    /** An edge of a deadlock's wait-for cycle: {@code thread 1 waits for the monitor of Lock#2 held by thread 2}. */
    private static final java.util.regex.Pattern WAITS = java.util.regex.Pattern.compile("thread (\\d+) (waits .*)");

    private FailureViews() {
    }

    /**
     * A call of the scenario that the checker could not place, as the trace shows it.
     *
     * @param thread the history's thread: 0 for the sequential parts, t for thread t
     * @param ordinal the call's position among that thread's calls
     * @param texts the texts of that thread's calls, in order ({@code put(1, 2)})
     * @param cell the call's cell in the scenario table
     */
    record CulpritCall(int thread, int ordinal, List<String> texts, FailureView.Cell cell) {
    }

    static FailureView of(Outcome outcome, ExecutionResult traced, Optional<Scenario<String>> scenario,
            Optional<CulpritCall> culprit) {
        List<TraceEvent> trace = new ArrayList<>(traced.trace());
        Map<Integer, Highlight> highlights = new LinkedHashMap<>();
        long end = trace.isEmpty() ? 0 : trace.get(trace.size() - 1).step();
        if (outcome instanceof Outcome.DataRace race) {
            int earlier = last(trace, race.earlier().thread(), race.earlier().siteId(), trace.size());
            if (earlier >= 0) {
                highlights.put(earlier, Highlight.RACE);
            }
            int later = last(trace, race.later().thread(), race.later().siteId(), trace.size());
            if (later < 0 || later < earlier) {
                trace.add(new TraceEvent(end, race.later().thread(), race.later().action() + " " + race.location()
                        + " (the race is found here)", race.later().site(), false, race.later().siteId(),
                        userFrame(race.later())));
                later = trace.size() - 1;
            }
            highlights.put(later, Highlight.RACE);
        } else if (outcome instanceof Outcome.CollectionMisuse misuse) {
            int inside = lastOf(trace, misuse.inside().thread());
            if (inside >= 0) {
                highlights.put(inside, Highlight.RACE);
            }
            trace.add(new TraceEvent(end, misuse.entering().thread(), "enters " + misuse.type() + "."
                    + misuse.entering().action() + " of " + misuse.collection() + " (thread " + misuse.inside().thread()
                    + " is inside " + misuse.inside().action() + ")", misuse.entering().site(), false,
                    misuse.entering().siteId(), userFrame(misuse.entering())));
            highlights.put(trace.size() - 1, Highlight.RACE);
        } else if (outcome instanceof Outcome.Failed failed) {
            StackTraceElement top = thrownAt(failed.error().getStackTrace());
            String where = top == null || top.getFileName() == null ? ""
                    : top.getLineNumber() < 0 ? top.getFileName() : top.getFileName() + ":" + top.getLineNumber();
            trace.add(new TraceEvent(end, failed.thread(), "throws " + failed.error(), where, false, 0, ""));
            highlights.put(trace.size() - 1, Highlight.CULPRIT);
        } else if (outcome instanceof Outcome.Deadlock deadlock) {
            // each thread of the cycle ends its lane waiting: what for, as the cycle says it
            for (String edge : deadlock.cycle()) {
                java.util.regex.Matcher waits = WAITS.matcher(edge);
                if (waits.matches()) {
                    trace.add(new TraceEvent(end, Integer.parseInt(waits.group(1)), waits.group(2), "", false, 0, ""));
                    highlights.put(trace.size() - 1, Highlight.CULPRIT);
                }
            }
        }
        culprit.ifPresent(call -> markCall(trace, call, highlights));
        int threads = traced.threads();
        for (TraceEvent event : trace) {
            threads = Math.max(threads, event.thread() + 1);
        }
        return new FailureView(outcome.headline(), scenario, culprit.map(CulpritCall::cell), trace, threads, highlights);
    }

    /** Marks the invocation and the response of the culprit call on its thread. */
    private static void markCall(List<TraceEvent> trace, CulpritCall call, Map<Integer, Highlight> highlights) {
        int next = 0;
        for (int i = 0; i < trace.size() && next < call.texts().size(); i++) {
            TraceEvent event = trace.get(i);
            if (event.thread() != call.thread() || event.site() != 0) {
                continue;
            }
            String text = call.texts().get(next);
            if (event.text().equals(text)) {
                if (next == call.ordinal()) {
                    highlights.put(i, Highlight.CULPRIT);
                    for (int j = i + 1; j < trace.size(); j++) {
                        TraceEvent response = trace.get(j);
                        if (response.thread() == call.thread() && response.site() == 0
                                && response.text().startsWith(text + ": ")) {
                            highlights.put(j, Highlight.CULPRIT);
                            break;
                        }
                    }
                    return;
                }
                next++;
            }
        }
    }

    /**
     * Where an exception was thrown, as the user reads it: its top frame, or the frame below the frames of an
     * assertion library on top (Hamcrest's {@code assertThat}); {@code null} for an empty stack.
     */
    private static StackTraceElement thrownAt(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (InstrumentationScope.toolingPackage(frame.getClassName()) == null) {
                return frame;
            }
        }
        return stack.length == 0 ? null : stack[0];
    }

    /** The first frame of the access's stack outside the JDK, {@code CacheTest.java:41}; else {@code ""}. */
    private static String userFrame(Outcome.Access access) {
        for (StackTraceElement frame : access.stack()) {
            String cls = frame.getClassName();
            if (cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.") || cls.startsWith("sun.")) {
                continue;
            }
            return frame.getFileName() == null ? cls.substring(cls.lastIndexOf('.') + 1)
                    : frame.getLineNumber() < 0 ? frame.getFileName() : frame.getFileName() + ":" + frame.getLineNumber();
        }
        return "";
    }

    private static int last(List<TraceEvent> trace, int thread, int site, int before) {
        for (int i = Math.min(before, trace.size()) - 1; i >= 0; i--) {
            if (trace.get(i).thread() == thread && trace.get(i).site() == site) {
                return i;
            }
        }
        return -1;
    }

    private static int lastOf(List<TraceEvent> trace, int thread) {
        for (int i = trace.size() - 1; i >= 0; i--) {
            if (trace.get(i).thread() == thread) {
                return i;
            }
        }
        return -1;
    }
}
