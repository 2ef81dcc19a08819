package io.stave.buckets;

import java.util.List;

/** The envelope peaks and troughs of one waveform, as distances m, each list ascending. */
public record Extrema(List<Integer> peaks, List<Integer> troughs) {

    public Extrema {
        peaks = List.copyOf(peaks);
        troughs = List.copyOf(troughs);
    }
}
