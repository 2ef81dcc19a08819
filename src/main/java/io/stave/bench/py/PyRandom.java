package io.stave.bench.py;

import java.util.Collections;
import java.util.List;

/**
 * Python's {@code random} module for integer seeds (§1.6): the Mersenne Twister MT19937 seeded the
 * way CPython seeds it ({@code init_by_array} over the seed's 32-bit words, least significant
 * first), and the draws that ToolBench's converter and evaluators make ({@code random()},
 * {@code getrandbits}, {@code randbelow}, {@code choice}, {@code randint}, {@code shuffle}).
 *
 * <p>Not thread-safe: one instance per stream of draws, as Python's module-level generator is
 * used from one place at a time by the scripts stave reproduces.
 */
public final class PyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    /** {@code random.seed(seed)} for a non-negative integer seed. */
    public PyRandom(long seed) {
        seed(seed);
    }

    /**
     * {@code random.seed(n)}: the seed's value is read as an unsigned 64-bit integer (a derived
     * seed may use all 64 bits); its 32-bit words, least significant first, form the key, and a
     * zero seed is the one-word key {@code [0]}.
     */
    public void seed(long seed) {
        int low = (int) seed;
        int high = (int) (seed >>> 32);
        initByArray(high == 0 ? new int[] {low} : new int[] {low, high});
    }

    /** {@code random.random()}: a double in [0, 1) with 53 random bits. */
    public double random() {
        long a = Integer.toUnsignedLong(nextInt32()) >>> 5;
        long b = Integer.toUnsignedLong(nextInt32()) >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code random.getrandbits(k)} for 0 ≤ k ≤ 32. */
    public long getrandbits(int k) {
        if (k < 0 || k > 32) {
            throw new IllegalArgumentException("getrandbits supports 0..32 bits here, got " + k);
        }
        if (k == 0) {
            return 0;
        }
        return Integer.toUnsignedLong(nextInt32()) >>> (32 - k);
    }

    /** {@code random._randbelow(n)}: rejection sampling on {@code n.bit_length()} bits. */
    public int randbelow(int n) {
        if (n <= 0) {
            // CPython returns 0 for n == 0 without drawing.
            if (n == 0) {
                return 0;
            }
            throw new IllegalArgumentException("randbelow needs n >= 0, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /** {@code random.choice(seq)}. */
    public <T> T choice(List<T> seq) {
        if (seq.isEmpty()) {
            throw new IndexError("Cannot choose from an empty sequence");
        }
        return seq.get(randbelow(seq.size()));
    }

    /** {@code random.randint(a, b)}, both ends included. */
    public int randint(int a, int b) {
        return a + randbelow(b - a + 1);
    }

    /** {@code random.shuffle(x)} in place. */
    public void shuffle(List<?> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = randbelow(i + 1);
            Collections.swap(x, i, j);
        }
    }

    /** Python's {@code IndexError} from {@code choice} on an empty sequence. */
    public static final class IndexError extends RuntimeException {
        public IndexError(String message) {
            super(message);
        }
    }

    // --- MT19937 (Matsumoto & Nishimura, mt19937ar.c, as in CPython's _randommodule.c) ---

    private void initGenrand(int s) {
        mt[0] = s;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
        mti = N;
    }

    private int nextInt32() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    private void twist() {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        mti = 0;
    }
}
