package io.stave.decoder.safetensors;

import io.stave.BadInputException;
import io.stave.decoder.model.Tensors;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.WeightMatrices;
import io.stave.decoder.tensor.WeightMatrix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Turns safetensors tensors into matrices: F32 in place; F16 and BF16 in place when the build has
 * their kernels, otherwise widened once to float32 off-heap.
 */
final class HfTensors {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path folder;
    private final Map<String, SafetensorsFile.Tensor> tensors;
    private final Arena arena;

    HfTensors(Path folder, Map<String, SafetensorsFile.Tensor> tensors, Arena arena) {
        this.folder = folder;
        this.tensors = tensors;
        this.arena = arena;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }

    private SafetensorsFile.Tensor tensor(String name, long... shape) {
        SafetensorsFile.Tensor t = tensors.get(name);
        if (t == null) {
            throw new BadInputException(folder + ": tensor " + name + ": expected the tensor, it is missing");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new BadInputException(folder + ": tensor " + name + ": shape: expected " + Arrays.toString(shape)
                    + ", found " + Arrays.toString(t.shape()));
        }
        if (!t.dtype().equals("F32") && !t.dtype().equals("F16") && !t.dtype().equals("BF16")) {
            throw new BadInputException(folder + ": tensor " + name + ": dtype: expected F32, F16 or BF16, found " + t.dtype());
        }
        return t;
    }

    WeightMatrix matrix(String name, int rows, int cols) {
        SafetensorsFile.Tensor t = tensor(name, rows, cols);
        return matrix(name, t.dtype(), t.data(), rows, cols);
    }

    /**
     * A Q or K projection with rows put back in the adjacent-pair layout: adjacent row
     * {@code h·d + 2j + s} is HF row {@code h·d + s·(d/2) + j} (spec/decoder.md §3.2).
     */
    WeightMatrix unpermuted(String name, int rows, int cols, int headSize) {
        SafetensorsFile.Tensor t = tensor(name, rows, cols);
        long rowBytes = t.data().byteSize() / rows;
        MemorySegment out = arena.allocate(t.data().byteSize(), 64);
        int half = headSize / 2;
        for (int h = 0; h < rows / headSize; h++) {
            for (int j = 0; j < half; j++) {
                for (int s = 0; s < 2; s++) {
                    long to = (long) h * headSize + 2L * j + s;
                    long from = (long) h * headSize + (long) s * half + j;
                    MemorySegment.copy(t.data(), from * rowBytes, out, to * rowBytes, rowBytes);
                }
            }
        }
        return matrix(name, t.dtype(), out, rows, cols);
    }

    float[] vector(String name, int length) {
        SafetensorsFile.Tensor t = tensor(name, length);
        return Tensors.vector(folder + ": tensor " + name, GgmlType.F32, widen(t.dtype(), t.data(), length), length);
    }

    private WeightMatrix matrix(String name, String dtype, MemorySegment data, int rows, int cols) {
        String where = folder + ": tensor " + name;
        if (dtype.equals("F32")) {
            return Tensors.matrix(where, GgmlType.F32, data, rows, cols);
        }
        GgmlType type = dtype.equals("F16") ? GgmlType.F16 : GgmlType.BF16;
        try {
            return WeightMatrices.of(type, data, rows, cols);
        } catch (IllegalArgumentException noKernel) {
            return Tensors.matrix(where, GgmlType.F32, widen(dtype, data, (long) rows * cols), rows, cols);
        }
    }

    /** float32 copy of F16/BF16 data (F32 data is returned as is). */
    private MemorySegment widen(String dtype, MemorySegment data, long elements) {
        if (dtype.equals("F32")) {
            return data;
        }
        MemorySegment out = arena.allocate(4 * elements, 64);
        boolean bf16 = dtype.equals("BF16");
        for (long i = 0; i < elements; i++) {
            short bits = data.get(U16, 2 * i);
            float value = bf16 ? Float.intBitsToFloat((bits & 0xFFFF) << 16) : Float.float16ToFloat(bits);
            out.set(F32, 4 * i, value);
        }
        return out;
    }
}
