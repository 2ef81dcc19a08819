package io.stave.buckets;

import java.util.ArrayList;
import java.util.List;

/**
 * The envelope peak and trough finders of the base search ({@code basic.py}; attention-buckets.md
 * §3.3 FindPeaks, §3.4 FindTroughs).
 *
 * <p>f_B oscillates fast, so the finders keep only "record" extrema: peaks near the running
 * envelope scanned left to right, troughs near the running floor scanned right to left. Inputs are
 * samples y[k] = f(from + k); outputs are distances (from + k), ascending.
 */
public final class Envelope {

    private Envelope() {}

    /** The peaks and troughs of one waveform over the integer distances [from, to]. */
    public static Extrema of(Waveform waveform, int from, int to, EnvelopeRule rule) {
        double[] y = waveform.sample(from, to);
        return new Extrema(peaks(y, from, rule), troughs(y, from, rule));
    }

    /** §3.3: up to {@code rule.count()} envelope peaks, scanned left to right. */
    public static List<Integer> peaks(double[] y, int from, EnvelopeRule rule) {
        List<Integer> cand = strictLocalExtrema(y, +1);
        List<Integer> res = new ArrayList<>();
        if (cand.isEmpty()) {
            return res;
        }
        double node = Double.NEGATIVE_INFINITY;
        for (int k : cand) {
            node = Math.max(node, y[k]);
        }
        int c = 0;
        while (res.size() < rule.count() && c < cand.size()) {
            int k = cand.get(c);
            if (Math.abs(y[k] - node) <= rule.tolerance()) {
                if (res.isEmpty() || k - res.getLast() > rule.peakSpacing()) {
                    res.add(k);
                }
                // The envelope moves on whether or not k was recorded (the easy rule to get wrong).
                int next = c + 1 < cand.size() ? cand.get(c + 1) : k + rule.step();
                int j = Math.min(k + rule.step(), next);
                if (j >= y.length) {
                    break; // the window is past the grid: no later candidate can match
                }
                int end = Math.min(y.length, j + rule.peakWindow());
                node = Double.NEGATIVE_INFINITY;
                for (int i = j; i < end; i++) {
                    node = Math.max(node, y[i]);
                }
            }
            c++;
        }
        return res.stream().map(k -> from + k).toList();
    }

    /** §3.4: up to {@code rule.count()} record troughs, scanned right to left, returned ascending. */
    public static List<Integer> troughs(double[] y, int from, EnvelopeRule rule) {
        List<Integer> cand = strictLocalExtrema(y, -1);
        List<Integer> res = new ArrayList<>();
        if (cand.isEmpty()) {
            return res;
        }
        double node = Double.POSITIVE_INFINITY;
        for (int k : cand) {
            node = Math.min(node, y[k]);
        }
        int c = cand.size() - 1;
        while (res.size() < rule.count() && c >= 0) {
            int k = cand.get(c);
            if (Math.abs(y[k] - node) <= rule.tolerance()) {
                if (res.isEmpty() || res.getLast() - k > rule.troughSpacing()) {
                    res.add(k);
                }
                int previous = c - 1 >= 0 ? cand.get(c - 1) : k - rule.step();
                int j = Math.min(k - rule.step(), previous);
                if (j <= 0) {
                    break;
                }
                // The floor is the minimum of the whole prefix, not of the local minima alone.
                node = Double.POSITIVE_INFINITY;
                for (int i = 0; i < j; i++) {
                    node = Math.min(node, y[i]);
                }
            }
            c--;
        }
        return res.reversed().stream().map(k -> from + k).toList();
    }

    /**
     * Interior indices strictly above (sign +1) or below (sign −1) both neighbours, ascending; as
     * {@code scipy.signal.argrelextrema} with order 1. The end points never qualify.
     */
    static List<Integer> strictLocalExtrema(double[] y, int sign) {
        List<Integer> found = new ArrayList<>();
        for (int k = 1; k < y.length - 1; k++) {
            if (sign * (y[k] - y[k - 1]) > 0 && sign * (y[k] - y[k + 1]) > 0) {
                found.add(k);
            }
        }
        return found;
    }
}
