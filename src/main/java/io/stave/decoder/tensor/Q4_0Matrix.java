package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_0: blocks of 32 weights, {@code half d; u8 qs[16]}; the low nibbles are elements 0–15, the
 * high nibbles 16–31, each (q − 8)·d (spec/decoder.md §6).
 *
 * <p>The 16 bytes of a block load once; the high nibbles come from a 16-bit shift (x86 has no
 * byte shift), and each nibble vector widens into {@code 16 / L} float parts. Parts are taken in
 * element order, low nibbles first. The kernels are written out in full (see {@link GroupedMatrix}).
 */
final class Q4_0Matrix extends GroupedMatrix {

    private static final int BLOCK = 32;
    private static final int BLOCK_BYTES = 18;
    /** Float vectors per block, and per 16 nibbles. */
    private static final int PARTS = BLOCK / L;
    private static final int NIBBLE_PARTS = 16 / L;

    Q4_0Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q4_0, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset));
        for (int j = 0; j < 16; j++) {
            int q = data.get(ValueLayout.JAVA_BYTE, offset + 2 + j) & 0xFF;
            out[outOffset + j] = ((q & 0x0F) - 8) * d;
            out[outOffset + j + 16] = ((q >>> 4) - 8) * d;
        }
    }

    @Override
    void dot1Rows(long x, int start, int end, float[] acc) {
        int pairs = (end - start + 1) >> 1;
        for (int i = 0; i < pairs; i++) {
            boolean twin = start + i + pairs >= end;
            long row0 = base + (long) (start + i) * rowBytes;
            long row1 = twin ? row0 : row0 + (long) pairs * rowBytes;
            FloatVector a = FloatVector.zero(F);
            FloatVector c = a;
            long apart = row1 - row0;
            int xj = 0;
            for (long block0 = row0; block0 < row0 + rowBytes; block0 += BLOCK_BYTES, xj += BLOCK) {
                long block1 = block0 + apart;
                FloatVector d0 = FloatVector.broadcast(F, half(ALL.get(SHORT, block0)));
                FloatVector d1 = FloatVector.broadcast(F, half(ALL.get(SHORT, block1)));
                ByteVector q0 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block0 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector q1 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block1 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector lo0 = q0.and((byte) 0x0F).sub((byte) 8);
                ByteVector lo1 = q1.and((byte) 0x0F).sub((byte) 8);
                ByteVector hi0 = q0.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                ByteVector hi1 = q1.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                for (int p = 0; p < PARTS; p++) {
                    FloatVector v = ((FloatVector) (p < NIBBLE_PARTS ? lo0 : hi0).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d0);
                    FloatVector u = ((FloatVector) (p < NIBBLE_PARTS ? lo1 : hi1).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d1);
                    FloatVector xv = FloatVector.fromMemorySegment(F, ALL, x + 4L * (xj + p * L), ByteOrder.LITTLE_ENDIAN);
                    a = v.fma(xv, a);
                    c = u.fma(xv, c);
                }
            }
            a.intoArray(acc, i * L);
            c.intoArray(acc, (twin ? end - start : i + pairs) * L);
        }
    }

    @Override
    void dot6Rows(long x0, long x1, long x2, long x3, long x4, long x5, int start, int end, float[] acc) {
        int pairs = (end - start + 1) >> 1;
        for (int i = 0; i < pairs; i++) {
            boolean twin = start + i + pairs >= end;
            long row0 = base + (long) (start + i) * rowBytes;
            long row1 = twin ? row0 : row0 + (long) pairs * rowBytes;
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            FloatVector a4 = a0;
            FloatVector a5 = a0;
            FloatVector c0 = a0;
            FloatVector c1 = a0;
            FloatVector c2 = a0;
            FloatVector c3 = a0;
            FloatVector c4 = a0;
            FloatVector c5 = a0;
            long apart = row1 - row0;
            int xj = 0;
            for (long block0 = row0; block0 < row0 + rowBytes; block0 += BLOCK_BYTES, xj += BLOCK) {
                long block1 = block0 + apart;
                FloatVector d0 = FloatVector.broadcast(F, half(ALL.get(SHORT, block0)));
                FloatVector d1 = FloatVector.broadcast(F, half(ALL.get(SHORT, block1)));
                ByteVector q0 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block0 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector q1 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block1 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector lo0 = q0.and((byte) 0x0F).sub((byte) 8);
                ByteVector lo1 = q1.and((byte) 0x0F).sub((byte) 8);
                ByteVector hi0 = q0.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                ByteVector hi1 = q1.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                for (int p = 0; p < PARTS; p++) {
                    FloatVector v = ((FloatVector) (p < NIBBLE_PARTS ? lo0 : hi0).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d0);
                    FloatVector u = ((FloatVector) (p < NIBBLE_PARTS ? lo1 : hi1).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d1);
                    int j = xj + p * L;
                    FloatVector xv = FloatVector.fromMemorySegment(F, ALL, x0 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a0 = v.fma(xv, a0);
                    c0 = u.fma(xv, c0);
                    xv = FloatVector.fromMemorySegment(F, ALL, x1 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a1 = v.fma(xv, a1);
                    c1 = u.fma(xv, c1);
                    xv = FloatVector.fromMemorySegment(F, ALL, x2 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a2 = v.fma(xv, a2);
                    c2 = u.fma(xv, c2);
                    xv = FloatVector.fromMemorySegment(F, ALL, x3 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a3 = v.fma(xv, a3);
                    c3 = u.fma(xv, c3);
                    xv = FloatVector.fromMemorySegment(F, ALL, x4 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a4 = v.fma(xv, a4);
                    c4 = u.fma(xv, c4);
                    xv = FloatVector.fromMemorySegment(F, ALL, x5 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a5 = v.fma(xv, a5);
                    c5 = u.fma(xv, c5);
                }
            }
            int a = i * ACC_PER_ROW;
            a0.intoArray(acc, a);
            a1.intoArray(acc, a + L);
            a2.intoArray(acc, a + 2 * L);
            a3.intoArray(acc, a + 3 * L);
            a4.intoArray(acc, a + 4 * L);
            a5.intoArray(acc, a + 5 * L);
            int c = (twin ? end - start : i + pairs) * ACC_PER_ROW;
            c0.intoArray(acc, c);
            c1.intoArray(acc, c + L);
            c2.intoArray(acc, c + 2 * L);
            c3.intoArray(acc, c + 3 * L);
            c4.intoArray(acc, c + 4 * L);
            c5.intoArray(acc, c + 5 * L);
        }
    }

    @Override
    void dot2Rows(long x0, long x1, int start, int end, float[] acc) {
        int pairs = (end - start + 1) >> 1;
        for (int i = 0; i < pairs; i++) {
            boolean twin = start + i + pairs >= end;
            long row0 = base + (long) (start + i) * rowBytes;
            long row1 = twin ? row0 : row0 + (long) pairs * rowBytes;
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            FloatVector c0 = a0;
            FloatVector c1 = a0;
            long apart = row1 - row0;
            int xj = 0;
            for (long block0 = row0; block0 < row0 + rowBytes; block0 += BLOCK_BYTES, xj += BLOCK) {
                long block1 = block0 + apart;
                FloatVector d0 = FloatVector.broadcast(F, half(ALL.get(SHORT, block0)));
                FloatVector d1 = FloatVector.broadcast(F, half(ALL.get(SHORT, block1)));
                ByteVector q0 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block0 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector q1 = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, ALL, block1 + 2, ByteOrder.LITTLE_ENDIAN);
                ByteVector lo0 = q0.and((byte) 0x0F).sub((byte) 8);
                ByteVector lo1 = q1.and((byte) 0x0F).sub((byte) 8);
                ByteVector hi0 = q0.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                ByteVector hi1 = q1.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and((byte) 0x0F).sub((byte) 8);
                for (int p = 0; p < PARTS; p++) {
                    FloatVector v = ((FloatVector) (p < NIBBLE_PARTS ? lo0 : hi0).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d0);
                    FloatVector u = ((FloatVector) (p < NIBBLE_PARTS ? lo1 : hi1).convertShape(VectorOperators.B2F, F, p % NIBBLE_PARTS)).mul(d1);
                    int j = xj + p * L;
                    FloatVector xv = FloatVector.fromMemorySegment(F, ALL, x0 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a0 = v.fma(xv, a0);
                    c0 = u.fma(xv, c0);
                    xv = FloatVector.fromMemorySegment(F, ALL, x1 + 4L * j, ByteOrder.LITTLE_ENDIAN);
                    a1 = v.fma(xv, a1);
                    c1 = u.fma(xv, c1);
                }
            }
            int a = i * ACC_PER_ROW;
            a0.intoArray(acc, a);
            a1.intoArray(acc, a + L);
            int c = (twin ? end - start : i + pairs) * ACC_PER_ROW;
            c0.intoArray(acc, c);
            c1.intoArray(acc, c + L);
        }
    }
}
