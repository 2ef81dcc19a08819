package io.stave.report;

import java.util.List;

/** All rows of one metric: one table in each rendering. */
public record MetricSection(Metric metric, List<ComparedRow> rows) {

    public MetricSection {
        rows = List.copyOf(rows);
    }

    /** The paper's columns: the six group labels, then Average. */
    public static List<String> columns() {
        List<String> columns = new java.util.ArrayList<>();
        for (PaperGroup group : PaperGroup.values()) {
            columns.add(group.label());
        }
        columns.add("Average");
        return List.copyOf(columns);
    }
}
