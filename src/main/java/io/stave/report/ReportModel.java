package io.stave.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of a report, independent of its rendering: per metric, the measured rows (sorted by
 * model, then method) with seven columns each, beside the published numbers they may be compared with.
 *
 * <p>Comparability (spec/toolbench.md §15, harness.md §8): a published value is shown only when the
 * row's profile and evaluator match the table's; a different judge model is shown with the
 * {@link CellFlag#JUDGE_DIFFERS} mark.
 */
public record ReportModel(String title, List<MetricSection> sections, List<Provenance> runs) {

    /** The tools SPEC of a run whose tool responses all come from the offline simulator. */
    static final String SIMULATE_ALL = "simulate";

    public ReportModel {
        sections = List.copyOf(sections);
        runs = List.copyOf(runs);
    }

    /**
     * @param against published table ids to compare with (the first of the row's metric wins); when
     *                none fits, the table of the same metric and profile, preferring the same judge
     */
    public static ReportModel build(String title, List<ResultRow> rows, PublishedResults published, List<String> against) {
        against.forEach(published::table); // unknown ids are a user error, reported before any work
        Map<Metric, List<ComparedRow>> byMetric = new TreeMap<>();
        List<ResultRow> sorted = rows.stream()
                .sorted(Comparator.comparing(ResultRow::metric).thenComparing(ResultRow::model)
                        .thenComparing(ResultRow::method).thenComparing(r -> r.provenance().runId()))
                .toList();
        for (ResultRow row : sorted) {
            byMetric.computeIfAbsent(row.metric(), m -> new ArrayList<>()).add(compare(row, published, against));
        }
        List<MetricSection> sections = byMetric.entrySet().stream()
                .map(e -> new MetricSection(e.getKey(), e.getValue())).toList();
        Map<String, Provenance> runs = new TreeMap<>();
        sorted.forEach(r -> runs.putIfAbsent(r.provenance().runId(), r.provenance()));
        return new ReportModel(title, sections, List.copyOf(runs.values()));
    }

    static ComparedRow compare(ResultRow row, PublishedResults published, List<String> against) {
        Optional<PublishedTable> table = chooseTable(row, published, against);
        PublishedRow match = table.flatMap(t -> published.row(t.id(), row.model(), row.method())).orElse(null);
        String notComparable = table.map(t -> incomparability(row.provenance(), t)).orElse(null);
        Set<CellFlag> rowFlags = EnumSet.noneOf(CellFlag.class);
        if (table.isPresent() && !sameJudge(row.provenance().judgeModel(), table.get().judgeModel())) {
            rowFlags.add(CellFlag.JUDGE_DIFFERS);
        }
        if (SIMULATE_ALL.equals(row.provenance().tools())) {
            rowFlags.add(CellFlag.SIMULATED_TOOLS); // every tool response of the run was simulated
        }
        List<ComparedCell> cells = new ArrayList<>();
        for (PaperGroup group : PaperGroup.values()) {
            MeasuredCell measured = row.cell(group).map(c -> withFlags(c, rowFlags)).orElse(null);
            cells.add(cell(group.label(), measured, match, row.metric(), group.label(), notComparable));
        }
        MeasuredCell average = row.averageCell().orElseGet(() -> meanOfGroups(row));
        if (average != null) {
            average = withFlags(average, rowFlags);
        }
        cells.add(cell("Average", average, match, row.metric(), PaperGroup.AVERAGE_KEY, notComparable));
        return new ComparedRow(row, table.orElse(null), match, cells, notComparable);
    }

    private static ComparedCell cell(String column, MeasuredCell measured, PublishedRow match, Metric metric,
            String group, String notComparable) {
        OptionalDouble value = match == null ? OptionalDouble.empty() : match.value(metric.key(), group);
        if (measured == null) {
            return new ComparedCell(column, null, notComparable == null && value.isPresent() ? value.getAsDouble() : null,
                    ComparedCell.Status.NOT_MEASURED);
        }
        if (value.isEmpty()) {
            return new ComparedCell(column, measured, null, ComparedCell.Status.NO_PUBLISHED);
        }
        if (notComparable != null) {
            return new ComparedCell(column, measured, null, ComparedCell.Status.NOT_COMPARABLE);
        }
        return new ComparedCell(column, measured, value.getAsDouble(), ComparedCell.Status.COMPARED);
    }

    /**
     * The unweighted mean of the six groups (the papers' Average). Its interval treats the groups as
     * independent: half-width = sqrt(Σ hᵢ²) / 6. Absent unless all six groups were measured.
     */
    static MeasuredCell meanOfGroups(ResultRow row) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        Set<CellFlag> flags = EnumSet.noneOf(CellFlag.class);
        for (PaperGroup group : PaperGroup.values()) {
            Optional<MeasuredCell> cell = row.cell(group);
            if (cell.isEmpty()) {
                return null;
            }
            sum += cell.get().value();
            squares += cell.get().halfWidth() * cell.get().halfWidth();
            n += cell.get().n();
            flags.addAll(cell.get().flags());
        }
        int groups = PaperGroup.values().length;
        double mean = sum / groups;
        double half = Math.sqrt(squares) / groups;
        return new MeasuredCell(PaperGroup.AVERAGE_KEY, mean, mean - half, mean + half, n, flags);
    }

    private static MeasuredCell withFlags(MeasuredCell cell, Set<CellFlag> extra) {
        if (extra.isEmpty()) {
            return cell;
        }
        Set<CellFlag> flags = EnumSet.copyOf(extra);
        flags.addAll(cell.flags());
        return new MeasuredCell(cell.group(), cell.value(), cell.lo(), cell.hi(), cell.n(), flags);
    }

    private static Optional<PublishedTable> chooseTable(ResultRow row, PublishedResults published, List<String> against) {
        String metric = row.metric().key();
        for (String id : against) {
            PublishedTable table = published.table(id);
            if (metric.equals(table.metric())) {
                return Optional.of(table);
            }
        }
        if (!against.isEmpty()) {
            return Optional.empty(); // the user chose the tables; none is of this metric
        }
        List<PublishedTable> candidates = published.tables().stream()
                .filter(t -> metric.equals(t.metric()) && t.profile() != null
                        && t.profile().equals(row.provenance().profile()))
                .toList();
        return candidates.stream().filter(t -> sameJudge(row.provenance().judgeModel(), t.judgeModel())).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** Why the numbers may not stand side by side, or {@code null} when they may. */
    private static String incomparability(Provenance run, PublishedTable table) {
        if (run.profile() == null || !run.profile().equals(table.profile())) {
            return "profile " + run.profile() + " vs published " + table.profile();
        }
        if (run.evaluator() != null && table.evaluator() != null
                && !lower(table.evaluator()).startsWith(lower(run.evaluator()))) {
            return "evaluator " + run.evaluator() + " vs published " + table.evaluator();
        }
        return null;
    }

    /** The published judge string may add a remark in parentheses: "gpt-3.5-turbo-16k (v1 normalized evaluator)". */
    static boolean sameJudge(String measured, String published) {
        if (measured == null || published == null) {
            return false;
        }
        String p = lower(published);
        int paren = p.indexOf(" (");
        return lower(measured).equals(paren < 0 ? p : p.substring(0, paren));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
