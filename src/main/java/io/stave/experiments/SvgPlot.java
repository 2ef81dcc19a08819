package io.stave.experiments;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws a {@link LineChart} as one self-contained SVG document: axes, ticks, grid, series, legend. */
final class SvgPlot {

    private static final int LEFT = 70, RIGHT = 170, TOP = 40, BOTTOM = 55;

    private final LineChart chart;
    private final int width, height;
    private final double xMin, xMax, yMin, yMax;

    SvgPlot(LineChart chart, int width, int height) {
        this.chart = chart;
        this.width = width;
        this.height = height;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (LineChart.Series s : chart.series()) {
            for (int i = 0; i < s.x().length; i++) {
                x0 = Math.min(x0, s.x()[i]);
                x1 = Math.max(x1, s.x()[i]);
                y0 = Math.min(y0, s.y()[i]);
                y1 = Math.max(y1, s.y()[i]);
            }
        }
        if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
        if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
        double pad = (y1 - y0) * 0.05;
        this.xMin = x0;
        this.xMax = x1;
        this.yMin = chart.yMin() != null ? chart.yMin() : y0 - pad;
        this.yMax = chart.yMax() != null ? chart.yMax() : y1 + pad;
    }

    String render() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">%s</text>%n",
                (LEFT + width - RIGHT) / 2, escape(chart.title())));
        axes(svg);
        // Lines first, so that marks are drawn on top of every curve.
        List<LineChart.Series> ordered = new ArrayList<>(
                chart.series().stream().filter(s -> s.style() == LineChart.Style.LINE).toList());
        ordered.addAll(chart.series().stream().filter(s -> s.style() != LineChart.Style.LINE).toList());
        for (LineChart.Series s : ordered) {
            String color = hex(LineChart.PALETTE[s.color() % LineChart.PALETTE.length]);
            if (s.style() == LineChart.Style.LINE) {
                svg.append("<polyline fill=\"none\" stroke-width=\"1.1\" stroke=\"").append(color).append("\" points=\"");
                for (int i = 0; i < s.x().length; i++) {
                    svg.append(String.format(Locale.ROOT, "%.2f,%.2f ", px(s.x()[i]), py(s.y()[i])));
                }
                svg.append("\"><title>").append(escape(s.name())).append("</title></polyline>\n");
            } else {
                for (int i = 0; i < s.x().length; i++) {
                    svg.append(mark(s.style(), px(s.x()[i]), py(s.y()[i]), color, s.name()
                            + String.format(Locale.ROOT, " (%s, %.4f)", number(s.x()[i]), s.y()[i])));
                }
            }
        }
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg) {
        int right = width - RIGHT, bottom = height - BOTTOM;
        for (double t : ticks(xMin, xMax)) {
            double x = px(t);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#e6e6e6\"/>"
                            + "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x, TOP, x, bottom, x, bottom + 18, number(t)));
        }
        for (double t : ticks(yMin, yMax)) {
            double y = py(t);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#e6e6e6\"/>"
                            + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, right, y, LEFT - 6, y + 4, number(t)));
        }
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, right - LEFT, bottom - TOP));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + right) / 2, height - 14, escape(chart.xLabel())));
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(18 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
                (TOP + bottom) / 2, escape(chart.yLabel())));
    }

    private void legend(StringBuilder svg) {
        int x = width - RIGHT + 14, y = TOP + 8;
        List<LineChart.Series> ordered = new ArrayList<>(
                chart.series().stream().filter(s -> s.style() == LineChart.Style.LINE).toList());
        ordered.addAll(chart.series().stream().filter(s -> s.style() != LineChart.Style.LINE).toList());
        for (LineChart.Series s : ordered) {
            if (!s.inLegend()) {
                continue;
            }
            String color = hex(LineChart.PALETTE[s.color() % LineChart.PALETTE.length]);
            if (s.style() == LineChart.Style.LINE) {
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                        x, y, x + 22, y, color));
            } else {
                svg.append(mark(s.style(), x + 11, y, color, s.name()));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 28, y + 4, escape(s.name())));
            y += 20;
        }
    }

    private static String mark(LineChart.Style style, double x, double y, String color, String title) {
        String shape = switch (style) {
            case UP_MARKS -> String.format(Locale.ROOT, "<path d=\"M%.2f %.2fl5 8h-10z\"", x, y - 5);
            case DOWN_MARKS -> String.format(Locale.ROOT, "<path d=\"M%.2f %.2fl5 -8h-10z\"", x, y + 5);
            default -> String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"4\"", x, y);
        };
        return shape + " fill=\"" + color + "\" stroke=\"black\" stroke-width=\"0.6\"><title>"
                + escape(title) + "</title>" + (shape.startsWith("<path") ? "</path>" : "</circle>") + "\n";
    }

    private double px(double x) {
        return LEFT + (x - xMin) / (xMax - xMin) * (width - RIGHT - LEFT);
    }

    private double py(double y) {
        return height - BOTTOM - (y - yMin) / (yMax - yMin) * (height - BOTTOM - TOP);
    }

    /** Ticks at 1, 2 or 5 × 10^k, about six of them. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
