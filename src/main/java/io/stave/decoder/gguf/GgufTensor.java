package io.stave.decoder.gguf;

import io.stave.decoder.tensor.GgmlType;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One tensor of a GGUF file.
 *
 * @param dims   ne0 first (the contiguous dimension): a {@code [out][in]} matrix has dims {@code [in, out]}
 * @param offset relative to the start of the tensor data
 * @param data   the tensor's bytes, a slice of the mapped file (no copy)
 */
public record GgufTensor(String name, long[] dims, GgmlType type, long offset, MemorySegment data) {

    public long elements() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(dims);
    }
}
