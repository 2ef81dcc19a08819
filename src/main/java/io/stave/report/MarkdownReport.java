package io.stave.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary.md}: per metric, the measured table and the table against the published numbers. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(ReportModel model) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(model.title())).append("\n\n");
        md.append("Percentages with one decimal. Measured cells show the value and its 95 % interval;")
                .append(" Average is the unweighted mean of the six groups.\n");
        for (MetricSection section : model.sections()) {
            md.append('\n');
            renderSection(md, section);
        }
        md.append("\n## Runs\n\n");
        md.append("| Run | Profile | Evaluator | Judge | Tools |\n|:--|:--|:--|:--|:--|\n");
        for (Provenance run : model.runs()) {
            md.append("| ").append(escape(run.runId())).append(" | ").append(escape(Format.orDash(run.profile())))
                    .append(" | ").append(escape(Format.orDash(run.evaluator()))).append(" | ")
                    .append(escape(Format.orDash(run.judgeModel()))).append(" | ")
                    .append(escape(Format.orDash(run.tools()))).append(" |\n");
        }
        return md.toString();
    }

    private static void renderSection(StringBuilder md, MetricSection section) {
        List<String> columns = MetricSection.columns();
        md.append("## ").append(section.metric().title()).append("\n\n");
        header(md, "| Model | Method |", columns);
        for (ComparedRow row : section.rows()) {
            md.append("| ").append(escape(row.row().model())).append(" | ").append(escape(row.row().method())).append(" |");
            row.cells().forEach(c -> md.append(' ').append(Format.measured(c)).append(" |"));
            md.append('\n');
        }

        md.append("\n### Against the published numbers\n\n");
        md.append("Each cell: measured / published / Δ (measured − published).\n\n");
        header(md, "| Model | Method | Published |", columns);
        Map<String, PublishedTable> tables = new LinkedHashMap<>();
        for (ComparedRow row : section.rows()) {
            md.append("| ").append(escape(row.row().model())).append(" | ").append(escape(row.row().method()))
                    .append(" | ").append(row.table() == null ? Format.NOTHING : "`" + row.table().id() + "`").append(" |");
            for (ComparedCell cell : row.cells()) {
                md.append(' ').append(cell.measured() == null ? Format.NOTHING : Format.pct(cell.measured().value())
                        + Format.marks(cell)).append(" / ").append(Format.published(cell)).append(" / ")
                        .append(Format.delta(cell)).append(" |");
            }
            md.append('\n');
            if (row.table() != null) {
                tables.putIfAbsent(row.table().id(), row.table());
            }
        }
        md.append('\n');
        legend(md, section);
        for (PublishedTable table : tables.values()) {
            md.append("- `").append(table.id()).append("`: ").append(escape(Format.orDash(table.evaluator())))
                    .append(", judge ").append(escape(Format.orDash(table.judgeModel())))
                    .append(table.reference() == null ? "" : ", reference " + escape(table.reference()))
                    .append("; source: ").append(escape(Format.orDash(table.source()))).append('\n');
        }
    }

    private static void legend(StringBuilder md, MetricSection section) {
        md.append("- ").append(Format.WITHIN_NOISE)
                .append(" within noise: |Δ| is smaller than the half-width of the measured interval.\n");
        for (CellFlag flag : CellFlag.values()) {
            md.append("- ").append(flag.mark()).append(' ').append(flag.meaning()).append(".\n");
        }
        md.append("- ").append(Format.NOT_COMPARABLE).append(" not comparable, published value withheld");
        List<String> reasons = section.rows().stream().filter(r -> r.notComparable() != null)
                .map(r -> r.row().label() + ": " + r.notComparable()).distinct().toList();
        md.append(reasons.isEmpty() ? "." : " (" + escape(String.join("; ", reasons)) + ").").append('\n');
        md.append("- ").append(Format.NOTHING).append(" no value.\n");
    }

    private static void header(StringBuilder md, String start, List<String> columns) {
        md.append(start);
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append('\n').append(start.replaceAll("[^|]+", ":--"));
        columns.forEach(c -> md.append("--:|"));
        md.append('\n');
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
