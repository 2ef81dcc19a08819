package io.stave.buckets;

import java.util.List;

/**
 * The cover score of §3.5: how many (peak, trough) pairs lie within δ of each other, and the sum
 * of their squared offsets. The lists may hold duplicates; every pair counts.
 */
record Cover(int count, long squaredOffsets) {

    static Cover of(List<Integer> peaks, List<Integer> troughs, int radius) {
        int count = 0;
        long squared = 0;
        for (int p : peaks) {
            for (int t : troughs) {
                if (Math.abs(p - t) <= radius) {
                    count++;
                    squared += (long) (p - t) * (p - t);
                }
            }
        }
        return new Cover(count, squared);
    }
}
