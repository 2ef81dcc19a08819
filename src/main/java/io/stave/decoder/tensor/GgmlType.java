package io.stave.decoder.tensor;

/**
 * Tensor element encodings, with the ids GGUF stores (spec/decoder.md §6).
 *
 * <p>A row of {@code n} elements takes {@code n / blockSize * blockBytes} bytes; blocks never
 * straddle rows.
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q8_0(8, 32, 34),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    BF16(30, 1, 2);

    private final int id;
    private final int blockSize;
    private final int blockBytes;

    GgmlType(int id, int blockSize, int blockBytes) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
    }

    /** The type id in a GGUF tensor info. */
    public int id() {
        return id;
    }

    /** Elements per block. */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Bytes taken by {@code elements} elements (a multiple of the block size). */
    public long bytesFor(long elements) {
        if (elements % blockSize != 0) {
            throw new IllegalArgumentException(
                    name() + " stores elements in blocks of " + blockSize + ", not " + elements);
        }
        return elements / blockSize * blockBytes;
    }

    /** The type with this GGUF id, or null when stave does not support it. */
    public static GgmlType ofId(int id) {
        for (GgmlType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return null;
    }
}
