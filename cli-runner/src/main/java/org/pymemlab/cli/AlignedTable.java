package org.pymemlab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text printed in columns: the first column left-aligned, the others right-aligned unless told
 * otherwise, two spaces apart.
 */
final class AlignedTable {

    private final boolean[] leftAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** A table whose columns are right-aligned except the first and those listed. */
    AlignedTable(int columns, int... alsoLeftAligned) {
        leftAligned = new boolean[columns];
        leftAligned[0] = true;
        for (int column : alsoLeftAligned) {
            leftAligned[column] = true;
        }
    }

    AlignedTable row(Object... cells) {
        String[] row = new String[leftAligned.length];
        Arrays.fill(row, "");
        for (int i = 0; i < cells.length && i < row.length; i++) {
            row[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(row);
        return this;
    }

    /** The rows, each indented by {@code indent} spaces and ending in a newline, without trailing blanks. */
    String render(int indent) {
        int[] widths = new int[leftAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ".repeat(indent));
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(leftAligned[i] ? row[i] + pad : pad + row[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
