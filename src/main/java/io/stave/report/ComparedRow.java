package io.stave.report;

import java.util.List;

/**
 * A measured row with its seven columns (six groups and Average) beside the published row.
 *
 * @param row            the measured row
 * @param table          the published table compared against, or {@code null} when none applies
 * @param publishedRow   the matching published row, or {@code null}
 * @param cells          seven cells in paper order, Average last
 * @param notComparable  why the published numbers are withheld, or {@code null} when they are shown
 */
public record ComparedRow(ResultRow row, PublishedTable table, PublishedRow publishedRow, List<ComparedCell> cells,
        String notComparable) {

    public ComparedRow {
        cells = List.copyOf(cells);
    }

    public ComparedCell average() {
        return cells.getLast();
    }
}
