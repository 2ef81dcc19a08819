package io.stave.report;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart drawn by hand as inline SVG: one band per column (six groups and Average),
 * one bar per row, the 95 % interval as an error bar, the published value as a black tick.
 */
final class BarChartSvg {

    static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

    private static final double WIDTH = 820;
    private static final double LEFT = 48;
    private static final double RIGHT = 804;
    private static final double TOP = 16;
    private static final double BOTTOM = 250;
    private static final double LEGEND_LINE = 18;

    private BarChartSvg() {}

    static String render(MetricSection section) {
        List<String> columns = MetricSection.columns();
        List<ComparedRow> rows = section.rows();
        double height = BOTTOM + 40 + LEGEND_LINE * (rows.size() + 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(n(WIDTH))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(WIDTH)).append(' ')
                .append(n(height)).append("\" aria-label=\"").append(Xml.escape(section.metric().title()))
                .append(" by group, with 95 % intervals and published values\">\n");
        axes(svg, columns);
        double band = (RIGHT - LEFT) / columns.size();
        double barWidth = band * 0.7 / Math.max(1, rows.size());
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 0; r < rows.size(); r++) {
                double x = LEFT + c * band + band * 0.15 + r * barWidth;
                bar(svg, rows.get(r), rows.get(r).cells().get(c), x, barWidth, PALETTE.get(r % PALETTE.size()));
            }
        }
        legend(svg, rows);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, List<String> columns) {
        for (int pct = 0; pct <= 100; pct += 20) {
            double y = y(pct);
            svg.append("<line class=\"grid\" x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(y)).append("\" x2=\"")
                    .append(n(RIGHT)).append("\" y2=\"").append(n(y)).append("\"/>\n");
            svg.append("<text class=\"tick\" x=\"").append(n(LEFT - 6)).append("\" y=\"").append(n(y + 4))
                    .append("\" text-anchor=\"end\">").append(pct).append("</text>\n");
        }
        double band = (RIGHT - LEFT) / columns.size();
        for (int c = 0; c < columns.size(); c++) {
            svg.append("<text class=\"column\" x=\"").append(n(LEFT + c * band + band / 2)).append("\" y=\"")
                    .append(n(BOTTOM + 18)).append("\" text-anchor=\"middle\">").append(Xml.escape(columns.get(c)))
                    .append("</text>\n");
        }
        svg.append("<line class=\"axis\" x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(BOTTOM)).append("\" x2=\"")
                .append(n(RIGHT)).append("\" y2=\"").append(n(BOTTOM)).append("\"/>\n");
    }

    private static void bar(StringBuilder svg, ComparedRow row, ComparedCell cell, double x, double width, String color) {
        String title = row.row().label() + ", " + cell.column() + ": " + Format.measured(cell) + "; published "
                + Format.published(cell) + "; Δ " + Format.delta(cell);
        svg.append("<g class=\"bar\"><title>").append(Xml.escape(title)).append("</title>");
        if (cell.measured() != null) {
            MeasuredCell m = cell.measured();
            double top = y(m.value());
            svg.append("<rect x=\"").append(n(x + 1)).append("\" y=\"").append(n(top)).append("\" width=\"")
                    .append(n(Math.max(1, width - 2))).append("\" height=\"").append(n(BOTTOM - top))
                    .append("\" fill=\"").append(color).append("\"/>");
            double mid = x + width / 2;
            double cap = Math.min(6, width / 3);
            svg.append("<path class=\"error\" d=\"M").append(n(mid)).append(' ').append(n(y(m.lo()))).append('V')
                    .append(n(y(m.hi()))).append("M").append(n(mid - cap)).append(' ').append(n(y(m.lo()))).append('H')
                    .append(n(mid + cap)).append("M").append(n(mid - cap)).append(' ').append(n(y(m.hi()))).append('H')
                    .append(n(mid + cap)).append("\"/>");
        }
        if (cell.published() != null) {
            double py = y(cell.published());
            svg.append("<line class=\"published\" x1=\"").append(n(x - 1)).append("\" y1=\"").append(n(py))
                    .append("\" x2=\"").append(n(x + width + 1)).append("\" y2=\"").append(n(py)).append("\"/>");
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, List<ComparedRow> rows) {
        double y = BOTTOM + 40;
        for (int r = 0; r < rows.size(); r++) {
            svg.append("<rect x=\"").append(n(LEFT)).append("\" y=\"").append(n(y - 10)).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(PALETTE.get(r % PALETTE.size())).append("\"/><text class=\"legend\" x=\"").append(n(LEFT + 18))
                    .append("\" y=\"").append(n(y)).append("\">").append(Xml.escape(rows.get(r).row().label()))
                    .append("</text>\n");
            y += LEGEND_LINE;
        }
        svg.append("<line class=\"published\" x1=\"").append(n(LEFT)).append("\" y1=\"").append(n(y - 4))
                .append("\" x2=\"").append(n(LEFT + 12)).append("\" y2=\"").append(n(y - 4))
                .append("\"/><text class=\"legend\" x=\"").append(n(LEFT + 18)).append("\" y=\"").append(n(y))
                .append("\">published value; error bars: 95 % interval</text>\n");
    }

    /** Percent (clamped to 0–100) to the SVG y coordinate. */
    private static double y(double pct) {
        double clamped = Math.max(0, Math.min(100, pct));
        return BOTTOM - (BOTTOM - TOP) * clamped / 100;
    }

    private static String n(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
