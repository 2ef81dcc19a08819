package io.stave.decoder.gguf;

import io.stave.BadInputException;
import io.stave.decoder.tensor.GgmlType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF v2/v3 file (spec/decoder.md §4), memory-mapped whole as one {@link MemorySegment}; the
 * header is parsed from the same segment, offsets are long, so files beyond 2 GiB work.
 *
 * <p>Metadata values are Java objects: integers as {@link Long} (u64 above 2^63 wraps), floats as
 * {@link Double}, bools, strings, and arrays as {@link List}s (which may nest).
 */
public final class GgufFile {

    static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
    static final int DEFAULT_ALIGNMENT = 32;

    private final Path path;
    private final MemorySegment segment;
    private final int version;
    private final Map<String, Object> metadata;
    private final Map<String, GgufValueType> metadataTypes;
    private final Map<String, GgufTensor> tensors;
    private final long dataStart;
    private final int alignment;

    private GgufFile(Path path, MemorySegment segment, int version, Map<String, Object> metadata,
            Map<String, GgufValueType> metadataTypes, Map<String, GgufTensor> tensors, long dataStart, int alignment) {
        this.path = path;
        this.segment = segment;
        this.version = version;
        this.metadata = metadata;
        this.metadataTypes = metadataTypes;
        this.tensors = tensors;
        this.dataStart = dataStart;
        this.alignment = alignment;
    }

    /** Maps and parses {@code path}; the mapping lives as long as {@code arena}. */
    public static GgufFile open(Path path, Arena arena) {
        MemorySegment segment;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
        return parse(path, segment);
    }

    /** Parses a GGUF image already in memory. */
    public static GgufFile parse(Path path, MemorySegment segment) {
        Cursor in = new Cursor(path, segment);
        if (segment.byteSize() < 24) {
            throw new BadInputException(path + ": header: expected a GGUF header of 24 bytes, the file has "
                    + segment.byteSize() + " (truncated)");
        }
        int magic = in.u32();
        if (magic != MAGIC) {
            throw new BadInputException(path + ": magic: expected \"GGUF\" (47 47 55 46), found "
                    + String.format("%08X", Integer.reverseBytes(magic)));
        }
        int version = in.u32();
        if (version == 1) {
            throw new BadInputException(path + ": version: expected GGUF v2 or v3, found v1 (32-bit counts; "
                    + "re-convert the model with a current llama.cpp)");
        }
        if (version != 2 && version != 3) {
            if ((version & 0xFFFF) == 0 && Integer.reverseBytes(version) > 0 && Integer.reverseBytes(version) < 0x10000) {
                throw new BadInputException(path + ": version: expected 2 or 3 little-endian, found "
                        + Integer.toUnsignedString(version) + " (byte-swapped " + Integer.reverseBytes(version)
                        + ": a big-endian GGUF, which stave does not read)");
            }
            throw new BadInputException(path + ": version: expected 2 or 3, found " + Integer.toUnsignedString(version));
        }
        long tensorCount = in.u64();
        long kvCount = in.u64();
        in.requireCount(tensorCount, 24, "tensor_count");
        in.requireCount(kvCount, 12, "metadata_kv_count");

        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, GgufValueType> types = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = in.string("metadata[" + i + "].key");
            GgufValueType type = in.valueType("metadata " + key + ": type");
            metadata.put(key, in.value(type, key, 0));
            types.put(key, type);
        }
        int alignment = DEFAULT_ALIGNMENT;
        Object alignmentValue = metadata.get("general.alignment");
        if (alignmentValue != null) {
            if (!(alignmentValue instanceof Long a) || a <= 0 || a % 8 != 0 || a > (1 << 20)) {
                throw new BadInputException(path + ": general.alignment: expected a positive multiple of 8, got "
                        + alignmentValue);
            }
            alignment = (int) (long) (Long) alignmentValue;
        }

        record Info(String name, long[] dims, int typeId, long offset) {}
        List<Info> infos = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            String name = in.string("tensor_info[" + i + "].name");
            int nDims = in.u32();
            if (nDims < 1 || nDims > 4) {
                throw new BadInputException(path + ": tensor " + name + ": n_dims: expected 1 to 4, found "
                        + Integer.toUnsignedString(nDims));
            }
            long[] dims = new long[nDims];
            for (int d = 0; d < nDims; d++) {
                dims[d] = in.u64();
                if (dims[d] <= 0 || dims[d] > (1L << 40)) {
                    throw new BadInputException(path + ": tensor " + name + ": dims[" + d
                            + "]: expected a positive size, found " + Long.toUnsignedString(dims[d]));
                }
            }
            infos.add(new Info(name, dims, in.u32(), in.u64()));
        }
        long dataStart = alignUp(in.position(), alignment);
        Map<String, GgufTensor> tensors = new LinkedHashMap<>();
        for (Info info : infos) {
            GgmlType type = GgmlType.ofId(info.typeId());
            if (type == null) {
                throw new BadInputException(path + ": tensor " + info.name() + ": type: expected one of "
                        + java.util.Arrays.toString(GgmlType.values()) + ", found ggml type id " + info.typeId());
            }
            long elements = 1;
            for (long d : info.dims()) {
                elements = Math.multiplyExact(elements, d);
            }
            if (info.dims()[0] % type.blockSize() != 0) {
                throw new BadInputException(path + ": tensor " + info.name() + ": dims[0]: expected a multiple of "
                        + type + "'s block of " + type.blockSize() + ", found " + info.dims()[0]);
            }
            long bytes = type.bytesFor(elements);
            if (info.offset() < 0 || info.offset() % alignment != 0) {
                throw new BadInputException(path + ": tensor " + info.name() + ": offset: expected a multiple of "
                        + alignment + ", found " + Long.toUnsignedString(info.offset()));
            }
            long end = dataStart + info.offset() + bytes;
            if (end > segment.byteSize() || end < 0) {
                throw new BadInputException(path + ": tensor " + info.name() + ": data: " + type + " "
                        + java.util.Arrays.toString(info.dims()) + " needs " + bytes + " bytes at "
                        + (dataStart + info.offset()) + ", beyond the end of the file (" + segment.byteSize()
                        + " bytes; truncated?)");
            }
            if (tensors.containsKey(info.name())) {
                throw new BadInputException(path + ": tensor " + info.name() + ": expected unique names, found twice");
            }
            tensors.put(info.name(), new GgufTensor(info.name(), info.dims(), type, info.offset(),
                    segment.asSlice(dataStart + info.offset(), bytes)));
        }
        return new GgufFile(path, segment, version, Collections.unmodifiableMap(metadata),
                Collections.unmodifiableMap(types), Collections.unmodifiableMap(tensors), dataStart, alignment);
    }

    static long alignUp(long x, long a) {
        return x + (a - x % a) % a;
    }

    public Path path() {
        return path;
    }

    public MemorySegment segment() {
        return segment;
    }

    public int version() {
        return version;
    }

    public long dataStart() {
        return dataStart;
    }

    public int alignment() {
        return alignment;
    }

    /** All metadata, in file order. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The stored type of a metadata key, or null when absent. */
    public GgufValueType metadataType(String key) {
        return metadataTypes.get(key);
    }

    /** All tensors, in file order. */
    public Map<String, GgufTensor> tensors() {
        return tensors;
    }

    public GgufTensor tensor(String name) {
        return tensors.get(name);
    }

    /** A required string value. */
    public String string(String key) {
        Object value = require(key);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string");
    }

    /** An integer value of any integer type, or {@code fallback} when absent. */
    public long integer(String key, long fallback) {
        Object value = metadata.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Long l) {
            return l;
        }
        throw wrongType(key, "an integer");
    }

    /** A required integer value that fits an int and is positive. */
    public int positiveInt(String key) {
        require(key);
        long value = integer(key, 0);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new BadInputException(path + ": " + key + ": expected a positive integer, found " + value);
        }
        return (int) value;
    }

    /** A number of any numeric type, or {@code fallback} when absent. */
    public double number(String key, double fallback) {
        Object value = metadata.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(key, "a number");
    }

    public boolean bool(String key, boolean fallback) {
        Object value = metadata.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "a bool");
    }

    /** An array value, or null when absent. */
    public List<?> array(String key) {
        Object value = metadata.get(key);
        if (value == null || value instanceof List<?>) {
            return (List<?>) value;
        }
        throw wrongType(key, "an array");
    }

    private Object require(String key) {
        Object value = metadata.get(key);
        if (value == null) {
            throw new BadInputException(path + ": metadata " + key + ": expected the key, it is missing");
        }
        return value;
    }

    private BadInputException wrongType(String key, String expected) {
        return new BadInputException(path + ": metadata " + key + ": expected " + expected + ", found "
                + metadataTypes.get(key));
    }

    /** A bounds-checked little-endian reader over the mapped file. */
    private static final class Cursor {
        private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
        private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

        private final Path path;
        private final MemorySegment segment;
        private long position;

        Cursor(Path path, MemorySegment segment) {
            this.path = path;
            this.segment = segment;
        }

        long position() {
            return position;
        }

        private long take(long bytes, String what) {
            if (bytes < 0 || position + bytes > segment.byteSize()) {
                throw new BadInputException(path + ": " + what + ": expected " + bytes + " more bytes at offset "
                        + position + ", the file ends at " + segment.byteSize() + " (truncated)");
            }
            long at = position;
            position += bytes;
            return at;
        }

        int u32() {
            return segment.get(U32, take(4, "header"));
        }

        long u64() {
            return segment.get(U64, take(8, "header"));
        }

        /** Rejects counts that cannot fit in the rest of the file, before anything is allocated for them. */
        void requireCount(long count, long minBytesEach, String what) {
            long remaining = segment.byteSize() - position;
            if (count < 0 || count > remaining / minBytesEach) {
                throw new BadInputException(path + ": " + what + ": expected a count that fits the file ("
                        + remaining + " bytes left), found " + Long.toUnsignedString(count) + " (truncated or corrupt)");
            }
        }

        String string(String what) {
            long length = segment.get(U64, take(8, what));
            if (length < 0 || length > segment.byteSize() - position) {
                throw new BadInputException(path + ": " + what + ": expected a string length that fits the file, found "
                        + Long.toUnsignedString(length) + " at offset " + (position - 8) + " (truncated or corrupt)");
            }
            long at = take(length, what);
            byte[] bytes = segment.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        GgufValueType valueType(String what) {
            int id = u32();
            GgufValueType type = GgufValueType.of(id);
            if (type == null) {
                throw new BadInputException(path + ": " + what + ": expected a value type 0 to 12, found "
                        + Integer.toUnsignedString(id));
            }
            return type;
        }

        Object value(GgufValueType type, String key, int depth) {
            return switch (type) {
                case UINT8 -> (long) (segment.get(ValueLayout.JAVA_BYTE, take(1, key)) & 0xFF);
                case INT8 -> (long) segment.get(ValueLayout.JAVA_BYTE, take(1, key));
                case UINT16 -> (long) (segment.get(U16, take(2, key)) & 0xFFFF);
                case INT16 -> (long) segment.get(U16, take(2, key));
                case UINT32 -> segment.get(U32, take(4, key)) & 0xFFFFFFFFL;
                case INT32 -> (long) segment.get(U32, take(4, key));
                case UINT64, INT64 -> segment.get(U64, take(8, key));
                case FLOAT32 -> (double) segment.get(F32, take(4, key));
                case FLOAT64 -> segment.get(F64, take(8, key));
                case BOOL -> {
                    byte b = segment.get(ValueLayout.JAVA_BYTE, take(1, key));
                    if (b != 0 && b != 1) {
                        throw new BadInputException(path + ": metadata " + key + ": expected a bool 0 or 1, found " + b);
                    }
                    yield b == 1;
                }
                case STRING -> string("metadata " + key);
                case ARRAY -> {
                    if (depth > 8) {
                        throw new BadInputException(path + ": metadata " + key + ": expected arrays nested at most 8 deep");
                    }
                    GgufValueType elementType = valueType("metadata " + key + ": array type");
                    long count = u64();
                    requireCount(count, elementType.minBytes, "metadata " + key + ": array length");
                    List<Object> values = new ArrayList<>((int) Math.min(count, 1 << 20));
                    for (long i = 0; i < count; i++) {
                        values.add(value(elementType, key, depth + 1));
                    }
                    yield Collections.unmodifiableList(values);
                }
            };
        }
    }
}
