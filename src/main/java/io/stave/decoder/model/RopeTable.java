package io.stave.decoder.model;

/**
 * cos/sin of every (position, pair) for one RoPE base and position scale (spec/decoder.md §3):
 * θ_i = base^(−2i/n_rot), angle = (p / r)·θ_i, computed in double and stored as float32.
 */
final class RopeTable {

    private final int pairs;
    private final int headSize;
    private final RopePairing pairing;
    private final float[] cos;
    private final float[] sin;

    RopeTable(double base, double positionScale, int positions, int ropeDims, int headSize, RopePairing pairing) {
        this.pairs = ropeDims / 2;
        this.headSize = headSize;
        this.pairing = pairing;
        this.cos = new float[positions * pairs];
        this.sin = new float[positions * pairs];
        for (int p = 0; p < positions; p++) {
            double position = p / positionScale; // real division: r = 2 gives 0, 0.5, 1, …
            for (int i = 0; i < pairs; i++) {
                double theta = Math.pow(base, -2.0 * i / ropeDims);
                double angle = position * theta;
                cos[p * pairs + i] = (float) Math.cos(angle);
                sin[p * pairs + i] = (float) Math.sin(angle);
            }
        }
    }

    float cos(int position, int pair) {
        return cos[position * pairs + pair];
    }

    float sin(int position, int pair) {
        return sin[position * pairs + pair];
    }

    /** Rotates {@code heads} consecutive heads of {@code x} starting at {@code offset}, in place. */
    void rotate(float[] x, int offset, int heads, int position) {
        int base = position * pairs;
        // Pair i is (2i, 2i+1) or (i, i + d/2); its partner sits `stride` after its first element.
        int stride = pairing == RopePairing.ADJACENT ? 1 : headSize / 2;
        for (int h = 0; h < heads; h++) {
            int head = offset + h * headSize;
            for (int i = 0; i < pairs; i++) {
                int a = head + (pairing == RopePairing.ADJACENT ? 2 * i : i);
                int b = a + stride;
                float c = cos[base + i];
                float s = sin[base + i];
                float xa = x[a];
                float xb = x[b];
                x[a] = xa * c - xb * s;
                x[b] = xa * s + xb * c;
            }
        }
    }
}
