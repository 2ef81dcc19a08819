package io.stave.report;

import io.stave.BadInputException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a paper table as measured by stave: a model with a method, one metric, the cells of
 * the groups that were run, and where the numbers come from.
 *
 * @param model      the model as the paper names it ({@code ChatGPT}, {@code ToolLLaMA-2-7B})
 * @param method     {@code ReACT} or {@code DFSDT} (the paper's spelling), or another method label
 * @param metric     what the cells measure
 * @param cells      one cell per group run, optionally one {@code Avg} cell with its own interval
 * @param provenance the run behind the numbers
 */
public record ResultRow(String model, String method, Metric metric, List<MeasuredCell> cells, Provenance provenance) {

    public ResultRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(provenance, "provenance");
        cells = List.copyOf(cells);
        long distinct = cells.stream().map(MeasuredCell::group).distinct().count();
        if (distinct != cells.size()) {
            throw new BadInputException("row " + model + " " + method + " (" + metric.key()
                    + "): expected at most one cell per group, got " + cells.stream().map(MeasuredCell::group).toList());
        }
    }

    public Optional<MeasuredCell> cell(PaperGroup group) {
        return cells.stream().filter(c -> c.group().equals(group.key())).findFirst();
    }

    public Optional<MeasuredCell> averageCell() {
        return cells.stream().filter(MeasuredCell::isAverage).findFirst();
    }

    /** "model method", as the row is labelled in tables and charts. */
    public String label() {
        return model + " " + method;
    }
}
