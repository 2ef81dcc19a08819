package io.stave.decoder.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SwiGLU gate of the feed-forward block, row by row: gate ← SiLU(gate) ⊙ up, with
 * SiLU(g) = g·σ(g).
 *
 * <p>Vectors of a row use e^x of {@link KvCache#expNonPositive} (Cephes, about 2 ulp), written
 * out in the loop: only lanewise IEEE operations, so interpreted and compiled code give the same
 * bits, and no helper method that takes a vector (one the JIT compiles apart runs the Vector API
 * as Java code). σ(g) = 1 / (1 + e^−g) for g ≥ 0 and e^g / (1 + e^g) below, so the exponent is
 * never positive. The tail of a row that fills no vector uses Math.exp. Every row takes the same
 * path for the same column, so identical rows (buckets) stay identical.
 */
final class SwiGlu {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SwiGlu() {}

    /** Rows {@code [fromRow, toRow)} of {@code width} elements each. */
    static void rows(float[] gate, float[] up, int width, int fromRow, int toRow) {
        int bound = S.loopBound(width);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int row = fromRow; row < toRow; row++) {
            int start = row * width;
            int i = start;
            for (; i < start + bound; i += S.length()) {
                FloatVector g = FloatVector.fromArray(S, gate, i);
                FloatVector x = g.abs().neg();
                VectorMask<Float> underflow = x.compare(VectorOperators.LT, -87f);
                FloatVector clamped = x.max(-87f);
                IntVector n = (IntVector) clamped.mul(1.44269504088896341f).sub(0.5f).convert(VectorOperators.F2I, 0);
                FloatVector k = (FloatVector) n.convert(VectorOperators.I2F, 0);
                FloatVector r = k.fma(FloatVector.broadcast(S, -0.693359375f), clamped).add(k.mul(2.12194440e-4f));
                FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
                p = p.fma(r, FloatVector.broadcast(S, 1.3981999507e-3f));
                p = p.fma(r, FloatVector.broadcast(S, 8.3334519073e-3f));
                p = p.fma(r, FloatVector.broadcast(S, 4.1665795894e-2f));
                p = p.fma(r, FloatVector.broadcast(S, 1.6666665459e-1f));
                p = p.fma(r, FloatVector.broadcast(S, 5.0000001201e-1f));
                p = p.mul(r).fma(r, r).add(1f);
                FloatVector e = p.mul(n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()).blend(0f, underflow);
                FloatVector inverse = one.div(e.add(1f));
                FloatVector sigmoid = inverse.blend(e.mul(inverse), g.compare(VectorOperators.LT, 0f));
                g.mul(sigmoid).mul(FloatVector.fromArray(S, up, i)).intoArray(gate, i);
            }
            for (; i < start + width; i++) {
                float g = gate[i];
                gate[i] = g / (1f + (float) Math.exp(-g)) * up[i];
            }
        }
    }
}
