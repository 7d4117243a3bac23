package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a trace as a table with a column per thread and {@code switch} markers where the turn
 * passed from one thread to another. A step inside the JDK shows its own line and the user's line that
 * led there, {@code HashMap#1.size = 1  HashMap.java:660 via CacheTest.java:41}, the first of a run of
 * steps from one line. Steps that tooling Weft does not rewrite (an assertion or mocking library) made in
 * the JDK on the user's behalf fold into one line per run, {@code … 260 steps inside org.assertj (isEqualTo
 * at CacheTest.java:44)}. Long runs of one thread are shortened in the middle. Steps the report points
 * at (the racing accesses, the failing step) are never folded nor shortened away.
 */
public final class TraceRenderer {

    private static final int RUN_HEAD = 6;
    private static final int RUN_TAIL = 4;
    private static final int MAX_CELL = 60;
    /** Fewest consecutive steps of one library call that fold into one line. */
    private static final int LIBRARY_FOLD_MIN = 2;
    /** Library methods named in a fold's line, at most. */
    private static final int CALLS_NAMED = 3;

    private TraceRenderer() {}

    public static String render(List<TraceEvent> trace, int threadCount) {
        return render(trace, threadCount, Set.of());
    }

    /**
     * The trace as a table.
     *
     * @param keep indices in {@code trace} of steps always shown on a line of their own
     */
    public static String render(List<TraceEvent> trace, int threadCount, Set<Integer> keep) {
        if (trace.isEmpty()) {
            return "";
        }
        int columns = Math.max(threadCount, 1);
        for (TraceEvent e : trace) {
            columns = Math.max(columns, e.thread() + 1);
        }
        List<String[]> rows = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= trace.size(); i++) {
            if (i == trace.size() || trace.get(i).thread() != trace.get(runStart).thread()) {
                addRun(rows, trace, runStart, i, keep, columns);
                if (i < trace.size()) {
                    rows.add(cell(columns, trace.get(runStart).thread(), "switch"));
                }
                runStart = i;
            }
        }

        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = ("thread " + c).length();
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        String[] header = new String[columns];
        for (int c = 0; c < columns; c++) {
            header[c] = "thread " + c;
        }
        line(text, header, width);
        for (String[] row : rows) {
            line(text, row, width);
        }
        return text.toString();
    }

    /**
     * The end (exclusive) of the run of steps that one library call made, starting at {@code start} and
     * ending before {@code limit}: same thread, same library, same user frame, none of them kept;
     * {@code start} itself when the step there is not a library's.
     */
    public static int libraryRunEnd(List<TraceEvent> trace, int start, int limit, Set<Integer> keep) {
        TraceEvent first = trace.get(start);
        if (!first.inLibrary() || keep.contains(start)) {
            return start;
        }
        int end = start;
        while (end < limit && !keep.contains(end) && trace.get(end).thread() == first.thread()
                && trace.get(end).library().equals(first.library()) && trace.get(end).userFrame().equals(first.userFrame())) {
            end++;
        }
        return end;
    }

    /**
     * The words for a run of steps a library made: {@code 260 steps inside org.assertj (assertThat, isEqualTo
     * at CacheTest.java:44)}.
     */
    public static String libraryRunLabel(List<TraceEvent> steps) {
        TraceEvent first = steps.get(0);
        Set<String> calls = new LinkedHashSet<>();
        for (TraceEvent step : steps) {
            if (!step.libraryCall().isEmpty()) {
                calls.add(step.libraryCall());
            }
        }
        List<String> named = new ArrayList<>(calls);
        String called = named.size() > CALLS_NAMED
                ? String.join(", ", named.subList(0, CALLS_NAMED)) + ", …"
                : String.join(", ", named);
        String where = first.userFrame().isEmpty() ? called
                : called.isEmpty() ? "at " + first.userFrame() : called + " at " + first.userFrame();
        return steps.size() + " steps inside " + first.library() + (where.isEmpty() ? "" : " (" + where + ")");
    }

    /** One thread's run of steps {@code [from, to)}: library calls folded, a long run shortened in the middle. */
    private static void addRun(List<String[]> rows, List<TraceEvent> trace, int from, int to, Set<Integer> keep,
            int columns) {
        int thread = trace.get(from).thread();
        // the run's lines: a step, or a fold of library steps [start, end)
        List<int[]> lines = new ArrayList<>();
        for (int i = from; i < to;) {
            int end = libraryRunEnd(trace, i, to, keep);
            if (end - i >= LIBRARY_FOLD_MIN) {
                lines.add(new int[] {i, end});
                i = end;
            } else {
                lines.add(new int[] {i, i + 1});
                i++;
            }
        }
        boolean[] shown = new boolean[lines.size()];
        boolean shorten = lines.size() > RUN_HEAD + RUN_TAIL + 1;
        for (int l = 0; l < lines.size(); l++) {
            int[] line = lines.get(l);
            shown[l] = !shorten || l < RUN_HEAD || l >= lines.size() - RUN_TAIL
                    || line[1] - line[0] == 1 && (keep.contains(line[0]) || trace.get(line[0]).isOmission());
        }
        String[] shownFrame = {""};
        int hiddenEvents = 0;
        for (int l = 0; l < lines.size(); l++) {
            int[] line = lines.get(l);
            if (!shown[l]) {
                hiddenEvents += line[1] - line[0];
                continue;
            }
            if (hiddenEvents > 0) {
                rows.add(cell(columns, thread, "… " + hiddenEvents + " more events"));
                hiddenEvents = 0;
            }
            if (line[1] - line[0] == 1) {
                rows.add(cell(columns, thread, describe(trace.get(line[0]), shownFrame)));
            } else {
                rows.add(cell(columns, thread, "… " + libraryRunLabel(trace.subList(line[0], line[1]))));
                shownFrame[0] = ""; // a step after a fold names its user line again
            }
        }
        if (hiddenEvents > 0) {
            rows.add(cell(columns, thread, "… " + hiddenEvents + " more events"));
        }
    }

    /**
     * The event's cell. A JDK step's user frame is shown where it changes within a run of one thread
     * (the steps below it without one come from the same line).
     */
    private static String describe(TraceEvent e, String[] shownFrame) {
        String text = e.text();
        if (text.length() > MAX_CELL) {
            text = text.substring(0, MAX_CELL - 1) + "…";
        }
        if (e.isOmission()) {
            return text;
        }
        String where = e.location();
        if (!e.userFrame().isEmpty() && !e.userFrame().equals(shownFrame[0])) {
            where = where + " via " + e.userFrame();
        }
        shownFrame[0] = e.userFrame();
        return where.isEmpty() ? text : text + "  " + where;
    }

    private static String[] cell(int columns, int thread, String text) {
        String[] row = new String[columns];
        for (int c = 0; c < columns; c++) {
            row[c] = c == thread ? text : "";
        }
        return row;
    }

    private static void line(StringBuilder text, String[] cells, int[] width) {
        text.append('|');
        for (int c = 0; c < cells.length; c++) {
            text.append(' ').append(cells[c]);
            text.append(" ".repeat(width[c] - cells[c].length())).append(" |");
        }
        text.append('\n');
    }
}
