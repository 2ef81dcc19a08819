package io.stave.decoder.tensor;

/**
 * Work over items {@code 0 … n−1} that {@link Kernels#parallel} splits into ranges for the kernel
 * threads: attention heads, elementwise steps of the forward pass.
 */
@FunctionalInterface
public interface RangeTask {

    /** Does items {@code [start, end)}; ranges run on different threads, so they must not share writes. */
    void run(int start, int end);
}
