package io.stave.decoder.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernel settings shared by every {@link WeightMatrix}: the backend (vector or scalar reference),
 * the vector width and the number of worker threads.
 *
 * <p>System properties, read once:
 *
 * <ul>
 *   <li>{@code stave.kernels} = {@code vector} (default) or {@code scalar}: the scalar backend is
 *       the reference the vector kernels are tested against (spec/decoder.md §9.4);
 *   <li>{@code stave.vector.bits} = 128, 256 or 512: forces the float vector width, otherwise
 *       {@code FloatVector.SPECIES_PREFERRED};
 *   <li>{@code stave.threads}: worker threads for matmul, default one per core.
 * </ul>
 */
public final class Kernels {

    /** The float species every vector kernel uses. */
    static final VectorSpecies<Float> F_SPECIES = floatSpecies(System.getProperty("stave.vector.bits"));

    private static volatile boolean scalar = "scalar".equalsIgnoreCase(System.getProperty("stave.kernels"));
    private static volatile KernelPool pool;

    private Kernels() {}

    /** The float vector width in bits (128, 256 or 512). */
    public static int vectorBits() {
        return F_SPECIES.vectorBitSize();
    }

    /** True when matmul runs the scalar reference kernels. */
    public static boolean scalar() {
        return scalar;
    }

    /** Switches between the scalar reference backend and the vector kernels. */
    public static void useScalar(boolean useScalar) {
        scalar = useScalar;
    }

    /** Worker threads used by matmul (the calling thread counts as one). */
    public static int threads() {
        return pool().threads();
    }

    /** Sets the number of worker threads for matmul; 1 runs everything on the calling thread. */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        KernelPool old = pool;
        if (old != null && old.threads() == threads) {
            return;
        }
        pool = new KernelPool(threads);
        if (old != null) {
            old.shutdown();
        }
    }

    /**
     * Runs {@code task} over items {@code [0, items)} on the matmul threads, in ranges of at least
     * {@code minChunk} items; small jobs stay on the calling thread. Sharing the matmul threads
     * keeps them warm between the matmuls of a forward pass, and keeps a second pool from
     * competing with them for the cores. The task must not call matmul or parallel itself: the
     * pool runs one job at a time, and a nested job would wait for the one that holds it.
     */
    public static void parallel(int items, int minChunk, RangeTask task) {
        pool().run(task, items, minChunk);
    }

    static KernelPool pool() {
        KernelPool current = pool;
        if (current == null) {
            synchronized (Kernels.class) {
                if (pool == null) {
                    pool = new KernelPool(defaultThreads());
                }
                current = pool;
            }
        }
        return current;
    }

    private static int defaultThreads() {
        String property = System.getProperty("stave.threads");
        if (property != null && !property.isBlank()) {
            try {
                int threads = Integer.parseInt(property.trim());
                if (threads >= 1) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // fall through to the default below
            }
            throw new IllegalArgumentException("stave.threads must be a positive integer, got " + property);
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static VectorSpecies<Float> floatSpecies(String bits) {
        if (bits == null || bits.isBlank()) {
            return FloatVector.SPECIES_PREFERRED;
        }
        return switch (bits.trim()) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("stave.vector.bits must be 128, 256 or 512, got " + bits);
        };
    }
    /**
     * The sum of a vector's lanes, always added in the same order: pairwise halves, then lane 0.
     *
     * <p>{@code reduceLanes(ADD)} leaves the order open, and the interpreted and the compiled
     * Vector API do add in different orders, so the same dot product could change in its last bits
     * once the JIT compiles a kernel. Lane-wise adds are exact IEEE operations in both, which keeps
     * greedy decoding bit-reproducible within a process and across runs.
     */
    public static float sumLanes(FloatVector v) {
        // Constant slice origins: the slice intrinsic needs one, and once this is inlined into a
        // kernel the length folds and only the live steps remain.
        int n = v.length();
        if (n > 16) {
            return sumWideLanes(v);
        }
        if (n > 8) {
            v = v.add(v.slice(8));
        }
        if (n > 4) {
            v = v.add(v.slice(4));
        }
        if (n > 2) {
            v = v.add(v.slice(2));
        }
        return v.add(v.slice(1)).lane(0);
    }

    /** {@link #sumLanes(FloatVector)} for vectors wider than 512 bits (not on x86). */
    private static float sumWideLanes(FloatVector v) {
        for (int half = v.length() >> 1; half > 0; half >>= 1) {
            v = v.add(v.slice(half));
        }
        return v.lane(0);
    }

    /** {@link #sumLanes(FloatVector)} for double lanes. */
    public static double sumLanes(DoubleVector v) {
        int n = v.length();
        if (n > 8) {
            for (int half = n >> 1; half > 0; half >>= 1) {
                v = v.add(v.slice(half));
            }
            return v.lane(0);
        }
        if (n > 4) {
            v = v.add(v.slice(4));
        }
        if (n > 2) {
            v = v.add(v.slice(2));
        }
        return v.add(v.slice(1)).lane(0);
    }
}
