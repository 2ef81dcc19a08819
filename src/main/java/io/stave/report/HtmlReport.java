package io.stave.report;

import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, inline SVG charts, the data embedded as
 * JSON; nothing fetched from the network), written as well-formed XHTML-compatible markup.
 */
public final class HtmlReport {

    private static final String CSS = """
            body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
            th { text-align: left; background: #f4f4f4; }
            td.num { text-align: right; white-space: nowrap; }
            .scroll { overflow-x: auto; } table.results { font-size: 13px; }
            .ci, .pub, .delta { color: #555; font-size: 0.85em; }
            .noise { color: #2a7d2a; } .mark { color: #b35900; font-weight: bold; }
            .nc { color: #999; }
            .chart .grid { stroke: #e6e6e6; } .chart .axis { stroke: #333; }
            .chart .error { stroke: #222; stroke-width: 1.2; fill: none; }
            .chart .published { stroke: #000; stroke-width: 2.5; }
            .chart text { font: 12px system-ui, sans-serif; fill: #333; }
            .legend-list li { margin: 2px 0; }
            table.provenance td:first-child { font-family: ui-monospace, monospace; color: #444; }
            """;

    /** Marks the page once its embedded data parsed; the headless-browser check looks for it. */
    private static final String SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('stave-data').textContent);
              var rows = 0;
              data.sections.forEach(function (section) { rows += section.rows.length; });
              document.body.setAttribute('data-rows', String(rows));
            })();
            """;

    private HtmlReport() {}

    public static String render(ReportModel model) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.escape(model.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(Xml.escape(model.title())).append("</h1>\n");
        html.append("<p>Percentages with one decimal. Each cell: the measured value and its 95 % interval, then")
                .append(" the published value and the difference (measured − published). Average is the")
                .append(" unweighted mean of the six groups.</p>\n");
        for (MetricSection section : model.sections()) {
            section(html, section);
        }
        legend(html);
        provenance(html, model.runs());
        html.append("<script type=\"application/json\" id=\"stave-data\">").append(ReportJson.render(model))
                .append("</script>\n");
        html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, MetricSection section) {
        String id = "metric-" + section.metric().fileStem();
        html.append("<section class=\"metric\" id=\"").append(id).append("\">\n<h2>")
                .append(Xml.escape(section.metric().title())).append("</h2>\n");
        html.append("<div class=\"scroll\">\n<table class=\"results\">\n<thead><tr><th>Model</th><th>Method</th><th>Published table</th>");
        for (String column : MetricSection.columns()) {
            html.append("<th>").append(Xml.escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ComparedRow row : section.rows()) {
            html.append("<tr><td>").append(Xml.escape(row.row().model())).append("</td><td>")
                    .append(Xml.escape(row.row().method())).append("</td><td>")
                    .append(row.table() == null ? Format.NOTHING : "<code>" + Xml.escape(row.table().id()) + "</code>")
                    .append(row.notComparable() == null ? "" : "<br/><span class=\"nc\">not comparable: "
                            + Xml.escape(row.notComparable()) + "</span>")
                    .append("</td>");
            for (ComparedCell cell : row.cells()) {
                html.append("<td class=\"num\">").append(cellHtml(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<figure>\n").append(BarChartSvg.render(section))
                .append("<figcaption>").append(Xml.escape(section.metric().title()))
                .append(" by group: bars measured, error bars 95 % interval, black ticks published.</figcaption>\n")
                .append("</figure>\n</section>\n");
    }

    private static String cellHtml(ComparedCell cell) {
        if (cell.measured() == null) {
            return Format.NOTHING + (cell.published() == null ? "" : "<br/><span class=\"pub\">pub. "
                    + Format.pct(cell.published()) + "</span>");
        }
        StringBuilder out = new StringBuilder();
        out.append(Format.pct(cell.measured().value()));
        String marks = Format.marks(cell);
        if (!marks.isEmpty()) {
            out.append("<span class=\"mark\">").append(marks).append("</span>");
        }
        out.append(" <span class=\"ci\">").append(Format.interval(cell.measured())).append("</span><br/>");
        switch (cell.status()) {
            case COMPARED -> out.append("<span class=\"pub\">pub. ").append(Format.pct(cell.published()))
                    .append("</span> <span class=\"delta\">Δ ").append(Format.signed(cell.delta())).append("</span>")
                    .append(cell.withinNoise() ? " <span class=\"noise\" title=\"within noise\">" + Format.WITHIN_NOISE
                            + "</span>" : "");
            case NOT_COMPARABLE -> out.append("<span class=\"nc\">").append(Format.NOT_COMPARABLE).append("</span>");
            case NO_PUBLISHED, NOT_MEASURED -> out.append("<span class=\"nc\">").append(Format.NOTHING).append("</span>");
        }
        return out.toString();
    }

    private static void legend(StringBuilder html) {
        html.append("<section id=\"legend\">\n<h2>Marks</h2>\n<ul class=\"legend-list\">\n");
        html.append("<li><span class=\"noise\">").append(Format.WITHIN_NOISE)
                .append("</span> within noise: |Δ| is smaller than the half-width of the measured interval</li>\n");
        for (CellFlag flag : CellFlag.values()) {
            html.append("<li><span class=\"mark\">").append(flag.mark()).append("</span> ")
                    .append(Xml.escape(flag.meaning())).append("</li>\n");
        }
        html.append("<li><span class=\"nc\">").append(Format.NOT_COMPARABLE)
                .append("</span> not comparable (profile or evaluator differ): published value withheld</li>\n");
        html.append("</ul>\n</section>\n");
    }

    private static void provenance(StringBuilder html, List<Provenance> runs) {
        html.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        for (Provenance run : runs) {
            html.append("<h3>").append(Xml.escape(run.runId())).append("</h3>\n<table class=\"provenance\">\n");
            row(html, "profile", run.profile());
            row(html, "evaluator", run.evaluator());
            row(html, "judge model", run.judgeModel());
            row(html, "tools", run.tools());
            for (Map.Entry<String, String> detail : run.details().entrySet()) {
                row(html, detail.getKey(), detail.getValue());
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><td>").append(Xml.escape(key)).append("</td><td>").append(Xml.escape(Format.orDash(value)))
                .append("</td></tr>\n");
    }
}
