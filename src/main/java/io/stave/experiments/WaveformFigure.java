package io.stave.experiments;

import io.stave.buckets.Envelope;
import io.stave.buckets.EnvelopeRule;
import io.stave.buckets.Extrema;
import io.stave.buckets.Presets;
import io.stave.buckets.Waveform;
import java.util.ArrayList;
import java.util.List;

/**
 * The waveform figure of Attention Buckets (attention-buckets.md §2.3, §4): f_B(m) for each base
 * over a window of distances, with each base's envelope peaks (▲) and troughs (▼) marked.
 */
public final class WaveformFigure {

    private WaveformFigure() {}

    public static LineChart of(List<Double> bases, int headDim, double positionScale, int from, int to) {
        List<LineChart.Series> series = new ArrayList<>();
        double[] m = new double[to - from + 1];
        for (int k = 0; k < m.length; k++) {
            m[k] = from + k;
        }
        for (int j = 0; j < bases.size(); j++) {
            Waveform waveform = new Waveform(bases.get(j), headDim, positionScale);
            double[] y = waveform.sample(from, to);
            String name = "B = " + Presets.format(bases.get(j));
            series.add(new LineChart.Series(name, m, y, LineChart.Style.LINE, j, true));
            Extrema extrema = Envelope.of(waveform, from, to, EnvelopeRule.SHIPPED);
            series.add(marks(name + " peaks", extrema.peaks(), waveform, LineChart.Style.UP_MARKS, j, j == 0));
            series.add(marks(name + " troughs", extrema.troughs(), waveform, LineChart.Style.DOWN_MARKS, j, j == 0));
        }
        String title = String.format(java.util.Locale.ROOT, "RoPE attention upper bound f_B(m), d = %d%s",
                headDim, positionScale == 1 ? "" : ", PI ratio " + Presets.format(positionScale));
        return new LineChart(title, "Relative distance m", "Attention score before softmax", relabel(series));
    }

    private static LineChart.Series marks(
            String name, List<Integer> at, Waveform waveform, LineChart.Style style, int color, boolean inLegend) {
        double[] x = new double[at.size()];
        double[] y = new double[at.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = at.get(i);
            y[i] = waveform.valueAt(at.get(i));
        }
        return new LineChart.Series(name, x, y, style, color, inLegend);
    }

    /** The legend explains the mark shapes once, through the first base's marks. */
    private static List<LineChart.Series> relabel(List<LineChart.Series> series) {
        return series.stream().map(s -> s.inLegend() && s.style() != LineChart.Style.LINE
                ? new LineChart.Series(s.style() == LineChart.Style.UP_MARKS ? "envelope peaks" : "envelope troughs",
                        s.x(), s.y(), s.style(), s.color(), true)
                : s).toList();
    }
}
