package dev.weft.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row, columns padded to their widest cell:
 *
 * <pre>
 * | thread 1        | thread 2      |
 * | put(1, 2): null | clear(): void |
 * | size(): 1       |               |
 * </pre>
 *
 * Rows shorter than the header are padded with empty cells. Widths count code points, so a table
 * stays aligned with arrows such as {@code ➜} in its cells.
 */
public final class TextTable {

    private TextTable() {
    }

    /** The table's lines joined by {@code \n}, without a trailing newline. */
    public static String render(List<String> headers, List<List<String>> rows) {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int column = 0; column < columns; column++) {
            widths[column] = width(headers.get(column));
        }
        for (List<String> row : rows) {
            if (row.size() > columns) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + columns);
            }
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers, widths));
        for (List<String> row : rows) {
            lines.add(line(row, widths));
        }
        return String.join("\n", lines);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int column = 0; column < widths.length; column++) {
            String cell = column < cells.size() ? cells.get(column) : "";
            line.append(' ').append(cell).append(" ".repeat(widths[column] - width(cell))).append(" |");
        }
        return line.toString();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
