package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** IEEE binary16 weights, decoded to float lanes with integer bit operations. */
final class F16Matrix extends BlockMatrix {

    /** As many shorts as the float species has lanes. */
    static final VectorSpecies<Short> S = VectorSpecies.of(short.class, VectorShape.forBitSize(L * Short.SIZE));
    static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());

    F16Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.F16, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        out[outOffset] = half(data.get(SHORT, offset));
    }

    @Override
    public float get(int row, int col) {
        checkIndex(row, col);
        return half(data.get(SHORT, ((long) row * cols + col) * 2));
    }

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            ShortVector bits = ShortVector.fromMemorySegment(S, data, rowOffset + 2L * j, ByteOrder.LITTLE_ENDIAN);
            halfToFloat((IntVector) bits.convertShape(VectorOperators.S2I, I, 0)).intoArray(out, j);
        }
        for (; j < cols; j++) {
            out[j] = half(data.get(SHORT, rowOffset + 2L * j));
        }
    }

    /**
     * binary16 → float32 on lanes holding the 16 bits (sign-extended or not): the magnitude shifted
     * into float position and scaled by 2^112 re-biases the exponent, subnormals included; an
     * all-ones exponent (∞, NaN) maps to float's all-ones exponent, and NaNs come out quiet, as
     * {@link Float#float16ToFloat} makes them.
     */
    static FloatVector halfToFloat(IntVector h) {
        IntVector magnitude = h.and(0x7FFF);
        IntVector shifted = magnitude.lanewise(VectorOperators.LSHL, 13);
        IntVector finite = shifted.reinterpretAsFloats().mul(0x1p112f).reinterpretAsInts();
        VectorMask<Integer> special = magnitude.compare(VectorOperators.GE, 0x7C00);
        VectorMask<Integer> nan = magnitude.compare(VectorOperators.GT, 0x7C00);
        IntVector value = finite.blend(shifted.or(0x7F800000), special).blend(shifted.or(0x7FC00000), nan);
        IntVector sign = h.and(0x8000).lanewise(VectorOperators.LSHL, 16);
        return value.or(sign).reinterpretAsFloats();
    }
}
