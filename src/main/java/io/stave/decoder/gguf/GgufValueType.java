package io.stave.decoder.gguf;

/** Metadata value types, numbered as GGUF stores them (spec/decoder.md §4.1). */
public enum GgufValueType {
    UINT8(1), INT8(1), UINT16(2), INT16(2), UINT32(4), INT32(4), FLOAT32(4), BOOL(1), STRING(8), ARRAY(12),
    UINT64(8), INT64(8), FLOAT64(8);

    /** The fewest bytes one value can take (a string is at least its u64 length). */
    final int minBytes;

    GgufValueType(int minBytes) {
        this.minBytes = minBytes;
    }

    /** The type with this stored number, or null. */
    static GgufValueType of(int id) {
        return id >= 0 && id < values().length ? values()[id] : null;
    }
}
