package io.stave.experiments;

import io.stave.AtomicFiles;
import io.stave.BadInputException;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart with optional marked points, written as PNG (XChart) or as a self-contained SVG
 * (drawn here, so that it needs no extra library). Both renderings show the same series, colours
 * and markers. The y range follows the data unless {@code yMin}/{@code yMax} fix it.
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series, Double yMin, Double yMax) {

    /** How a series is drawn: a line, or points marked by an upward or a downward triangle. */
    public enum Style { LINE, UP_MARKS, DOWN_MARKS, DOT_MARKS }

    /**
     * One series. {@code color} indexes the palette, so marks can share their curve's colour;
     * {@code inLegend} is false for marks that explain themselves.
     */
    public record Series(String name, double[] x, double[] y, Style style, int color, boolean inLegend) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values for " + y.length + " y values");
            }
        }
    }

    public LineChart {
        series = List.copyOf(series);
    }

    /** A chart whose y range follows the data. */
    public LineChart(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, null, null);
    }

    /** Tableau-like palette: distinct on screen and in print. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };

    /** Writes PNG or SVG, chosen by the file's extension. */
    public void write(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            AtomicFiles.write(file, png(1200, 600));
        } else if (name.endsWith(".svg")) {
            AtomicFiles.write(file, svg(1000, 520).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new BadInputException(file + ": expected a plot file ending in .png or .svg");
        }
    }

    public byte[] png(int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setXAxisDecimalPattern("#.##");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        // Lines first, so that marks are drawn on top and the legend lists the curves first.
        List<Series> ordered = new java.util.ArrayList<>(series.stream().filter(s -> s.style() == Style.LINE).toList());
        ordered.addAll(series.stream().filter(s -> s.style() != Style.LINE).toList());
        for (Series s : ordered) {
            XYSeries drawn = chart.addSeries(s.name(), s.x(), s.y());
            Color color = PALETTE[s.color() % PALETTE.length];
            drawn.setShowInLegend(s.inLegend());
            if (s.style() == Style.LINE) {
                drawn.setMarker(SeriesMarkers.NONE);
                drawn.setLineColor(color);
                drawn.setLineStyle(new java.awt.BasicStroke(1.1f)); // solid: the default theme dashes later series
            } else {
                drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                drawn.setMarker(switch (s.style()) {
                    case UP_MARKS -> SeriesMarkers.TRIANGLE_UP;
                    case DOWN_MARKS -> SeriesMarkers.TRIANGLE_DOWN;
                    default -> SeriesMarkers.CIRCLE;
                });
                drawn.setMarkerColor(color);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public String svg(int width, int height) {
        return new SvgPlot(this, width, height).render();
    }
}
