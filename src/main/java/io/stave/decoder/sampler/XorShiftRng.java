package io.stave.decoder.sampler;

/** llama2.c's xorshift64* generator (spec/decoder.md §11), bit for bit. */
public final class XorShiftRng {

    private long state;

    public XorShiftRng(long seed) {
        this.state = seed;
    }

    /** The next unsigned 32-bit value, in the low bits of a long. */
    public long nextU32() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return (state * 0x2545F4914F6CDD1DL) >>> 32;
    }

    /** A float in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextU32() >>> 8) / 16777216.0f;
    }
}
