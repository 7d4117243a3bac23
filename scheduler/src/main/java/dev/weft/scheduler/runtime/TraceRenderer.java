package dev.weft.scheduler.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a trace as a table with a column per thread and {@code switch} markers where the turn
 * passed from one thread to another. Long runs of one thread are shortened in the middle. A step
 * inside the JDK shows its own line and the user's line that led there,
 * {@code HashMap#1.size = 1  HashMap.java:660 via CacheTest.java:41}, the first of a run of steps from one line.
 */
public final class TraceRenderer {

    private static final int RUN_HEAD = 6;
    private static final int RUN_TAIL = 4;
    private static final int MAX_CELL = 60;

    private TraceRenderer() {}

    public static String render(List<TraceEvent> trace, int threadCount) {
        if (trace.isEmpty()) {
            return "";
        }
        int columns = Math.max(threadCount, 1);
        for (TraceEvent e : trace) {
            columns = Math.max(columns, e.thread() + 1);
        }
        List<String[]> rows = new ArrayList<>();
        List<TraceEvent> run = new ArrayList<>();
        int previousThread = -1;
        for (TraceEvent e : trace) {
            if (e.thread() != previousThread && !run.isEmpty()) {
                addRun(rows, run, columns);
                rows.add(cell(columns, previousThread, "switch"));
                run.clear();
            }
            run.add(e);
            previousThread = e.thread();
        }
        addRun(rows, run, columns);

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

    private static void addRun(List<String[]> rows, List<TraceEvent> run, int columns) {
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).isOmission()) {
                // the steps a long trace did not keep: shown as they are, between what came before and after
                addRun(rows, run.subList(0, i), columns);
                rows.add(cell(columns, run.get(i).thread(), run.get(i).text()));
                addRun(rows, run.subList(i + 1, run.size()), columns);
                return;
            }
        }
        String[] shownFrame = {""};
        if (run.size() <= RUN_HEAD + RUN_TAIL + 1) {
            for (TraceEvent e : run) {
                rows.add(cell(columns, e.thread(), describe(e, shownFrame)));
            }
            return;
        }
        for (int i = 0; i < RUN_HEAD; i++) {
            rows.add(cell(columns, run.get(i).thread(), describe(run.get(i), shownFrame)));
        }
        rows.add(cell(columns, run.get(0).thread(), "… " + (run.size() - RUN_HEAD - RUN_TAIL) + " more events"));
        for (int i = run.size() - RUN_TAIL; i < run.size(); i++) {
            rows.add(cell(columns, run.get(i).thread(), describe(run.get(i), shownFrame)));
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
