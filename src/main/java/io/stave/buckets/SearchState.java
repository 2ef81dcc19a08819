package io.stave.buckets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The peaks P and troughs T of the bases chosen so far (attention-buckets.md §3.7), each sorted
 * and possibly holding duplicates.
 */
public record SearchState(List<Integer> peaks, List<Integer> troughs) {

    public SearchState {
        peaks = List.copyOf(peaks);
        troughs = List.copyOf(troughs);
    }

    static SearchState of(Extrema first) {
        return new SearchState(first.peaks(), first.troughs());
    }

    /**
     * Adds a base's extrema: concatenate and sort (duplicates kept), then drop every distance that
     * is both a peak and a trough, from both lists at once (each filter sees the unfiltered other).
     */
    SearchState merge(Extrema added) {
        List<Integer> p = new ArrayList<>(peaks);
        p.addAll(added.peaks());
        p.sort(null);
        List<Integer> t = new ArrayList<>(troughs);
        t.addAll(added.troughs());
        t.sort(null);
        Set<Integer> peakSet = new HashSet<>(p);
        Set<Integer> troughSet = new HashSet<>(t);
        return new SearchState(
                p.stream().filter(m -> !troughSet.contains(m)).toList(),
                t.stream().filter(m -> !peakSet.contains(m)).toList());
    }
}
