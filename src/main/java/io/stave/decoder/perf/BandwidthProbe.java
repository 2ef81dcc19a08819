package io.stave.decoder.perf;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures the memory bandwidth a streaming read reaches: a vectorised integer sum over a segment
 * larger than the caches (the mapped weights), split over the same number of threads as the
 * kernels. The best of several passes counts, after one warm-up pass that also faults the pages in.
 */
public final class BandwidthProbe {

    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static volatile long sink;

    private BandwidthProbe() {}

    /** Bytes per second read over {@code segment} by {@code threads} threads, best of {@code passes}. */
    public static double measure(MemorySegment segment, int threads, int passes) {
        long usable = segment.byteSize() / I.vectorByteSize() / threads * I.vectorByteSize();
        if (usable == 0) {
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes is too small to probe");
        }
        pass(segment, threads, usable);
        double best = 0;
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            pass(segment, threads, usable);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, usable * threads / seconds);
        }
        return best;
    }

    private static void pass(MemorySegment segment, int threads, long bytesPerThread) {
        List<Thread> workers = new ArrayList<>();
        long[] sums = new long[threads];
        for (int t = 1; t < threads; t++) {
            int part = t;
            workers.add(Thread.ofPlatform().start(() -> sums[part] = sum(segment, part * bytesPerThread, bytesPerThread)));
        }
        sums[0] = sum(segment, 0, bytesPerThread);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while probing bandwidth", e);
            }
        }
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        sink = total;
    }

    /** Four independent accumulators, so the loop is limited by loads, not by the add latency. */
    static long sum(MemorySegment segment, long from, long bytes) {
        int step = I.vectorByteSize();
        IntVector a0 = IntVector.zero(I);
        IntVector a1 = a0;
        IntVector a2 = a0;
        IntVector a3 = a0;
        long end = from + bytes;
        long offset = from;
        for (; offset + 4L * step <= end; offset += 4L * step) {
            a0 = a0.add(IntVector.fromMemorySegment(I, segment, offset, ByteOrder.LITTLE_ENDIAN));
            a1 = a1.add(IntVector.fromMemorySegment(I, segment, offset + step, ByteOrder.LITTLE_ENDIAN));
            a2 = a2.add(IntVector.fromMemorySegment(I, segment, offset + 2L * step, ByteOrder.LITTLE_ENDIAN));
            a3 = a3.add(IntVector.fromMemorySegment(I, segment, offset + 3L * step, ByteOrder.LITTLE_ENDIAN));
        }
        for (; offset + step <= end; offset += step) {
            a0 = a0.add(IntVector.fromMemorySegment(I, segment, offset, ByteOrder.LITTLE_ENDIAN));
        }
        return a0.add(a1).add(a2).add(a3).reduceLanesToLong(VectorOperators.ADD);
    }
}
