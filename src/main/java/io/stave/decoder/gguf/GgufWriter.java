package io.stave.decoder.gguf;

import io.stave.AtomicFiles;
import io.stave.decoder.tensor.GgmlType;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a GGUF version 3 file (spec/decoder.md §4.1): header, metadata, tensor infos, zero
 * padding to the alignment, then each tensor's bytes at an aligned offset.
 *
 * <p>Tensor bytes are streamed from a {@link TensorData} callback when the file is written, so a
 * multi-gigabyte model never sits in memory. The file appears atomically: it is written to a
 * temporary file in the same folder, then renamed.
 */
public final class GgufWriter {

    /** "GGUF" read as a little-endian u32. */
    static final int MAGIC = 0x46554747;
    static final int VERSION = 3;
    static final int DEFAULT_ALIGNMENT = 32;

    /** An array value: element type and elements (an ARRAY element is itself an {@code Array}). */
    public record Array(GgufValueType elementType, List<?> elements) {
        public Array {
            Objects.requireNonNull(elementType);
            elements = List.copyOf(elements);
        }
    }

    /** Writes exactly the tensor's byte size to {@code out}, rows in order. */
    @FunctionalInterface
    public interface TensorData {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Entry(GgufValueType type, Object value) {}

    private record Tensor(String name, GgmlType type, long[] dims, long bytes, TensorData data) {}

    private final Map<String, Entry> metadata = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();

    /** Adds (or replaces) a metadata key; the value must suit the type (a Number, Boolean, String or Array). */
    public GgufWriter put(String key, GgufValueType type, Object value) {
        checkValue(type, value);
        metadata.put(Objects.requireNonNull(key), new Entry(type, value));
        return this;
    }

    public GgufWriter putString(String key, String value) {
        return put(key, GgufValueType.STRING, value);
    }

    public GgufWriter putUint32(String key, long value) {
        return put(key, GgufValueType.UINT32, value);
    }

    public GgufWriter putFloat32(String key, float value) {
        return put(key, GgufValueType.FLOAT32, value);
    }

    public GgufWriter putBool(String key, boolean value) {
        return put(key, GgufValueType.BOOL, value);
    }

    public GgufWriter putArray(String key, GgufValueType elementType, List<?> elements) {
        return put(key, GgufValueType.ARRAY, new Array(elementType, elements));
    }

    /**
     * Declares a tensor with dims in ne order (dims[0] is the contiguous row length), whose bytes
     * {@code data} writes when the file is written.
     */
    public GgufWriter addTensor(String name, GgmlType type, long[] dims, TensorData data) {
        if (name.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("tensor name longer than 64 bytes: " + name);
        }
        if (dims.length < 1 || dims.length > 4) {
            throw new IllegalArgumentException("tensor " + name + " needs 1 to 4 dims, got " + dims.length);
        }
        long bytes = type.bytesFor(dims[0]);
        for (int i = 1; i < dims.length; i++) {
            bytes = Math.multiplyExact(bytes, dims[i]);
        }
        tensors.add(new Tensor(name, type, dims.clone(), bytes, Objects.requireNonNull(data)));
        return this;
    }

    /** Writes the file atomically: a temporary file in the same folder, then a rename. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = AtomicFiles.temporaryBeside(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                GgufOutput out = new GgufOutput(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20));
                writeTo(out);
                out.flush();
                channel.force(false);
            }
            AtomicFiles.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void writeTo(GgufOutput out) throws IOException {
        int alignment = alignment();
        out.u32(MAGIC);
        out.u32(VERSION);
        out.u64(tensors.size());
        out.u64(metadata.size());
        for (Map.Entry<String, Entry> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            out.u32(kv.getValue().type().ordinal()); // GgufValueType ordinals are the GGUF ids
            writeValue(out, kv.getValue().type(), kv.getValue().value());
        }
        long offset = 0;
        for (Tensor tensor : tensors) {
            out.string(tensor.name());
            out.u32(tensor.dims().length);
            for (long dim : tensor.dims()) {
                out.u64(dim);
            }
            out.u32(tensor.type().id());
            out.u64(offset);
            offset = alignUp(offset + tensor.bytes(), alignment);
        }
        out.zeros(alignUp(out.count(), alignment) - out.count());
        for (Tensor tensor : tensors) {
            long start = out.count();
            tensor.data().writeTo(out.stream());
            long written = out.count() - start;
            if (written != tensor.bytes()) {
                throw new IllegalStateException("tensor " + tensor.name() + " wrote " + written + " bytes, declared " + tensor.bytes());
            }
            out.zeros(alignUp(out.count(), alignment) - out.count());
        }
    }


    private int alignment() {
        Entry entry = metadata.get("general.alignment");
        if (entry == null) {
            return DEFAULT_ALIGNMENT;
        }
        long alignment = ((Number) entry.value()).longValue();
        if (alignment <= 0 || alignment % 8 != 0 || alignment > 1 << 20) {
            throw new IllegalArgumentException("general.alignment must be a positive multiple of 8, got " + alignment);
        }
        return (int) alignment;
    }

    static long alignUp(long x, long alignment) {
        return x + (alignment - x % alignment) % alignment;
    }

    private static void writeValue(GgufOutput out, GgufValueType type, Object value) throws IOException {
        switch (type) {
            case UINT8, INT8 -> out.stream().write(((Number) value).byteValue());
            case UINT16, INT16 -> out.u16(((Number) value).shortValue());
            case UINT32, INT32 -> out.u32(((Number) value).intValue());
            case FLOAT32 -> out.u32(Float.floatToRawIntBits(((Number) value).floatValue()));
            case BOOL -> out.stream().write((Boolean) value ? 1 : 0);
            case STRING -> out.string((String) value);
            case UINT64, INT64 -> out.u64(((Number) value).longValue());
            case FLOAT64 -> out.u64(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case ARRAY -> {
                Array array = (Array) value;
                out.u32(array.elementType().ordinal());
                out.u64(array.elements().size());
                for (Object element : array.elements()) {
                    writeValue(out, array.elementType(), element);
                }
            }
        }
    }

    private static void checkValue(GgufValueType type, Object value) {
        boolean ok = switch (type) {
            case UINT8 -> inRange(value, 0, 0xFF);
            case INT8 -> inRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT16 -> inRange(value, 0, 0xFFFF);
            case INT16 -> inRange(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT32 -> inRange(value, 0, 0xFFFFFFFFL);
            case INT32 -> inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT64, INT64 -> value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
            case FLOAT32, FLOAT64 -> value instanceof Float || value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case ARRAY -> value instanceof Array array && array.elements().stream().allMatch(e -> isValid(array.elementType(), e));
        };
        if (!ok) {
            throw new IllegalArgumentException("not a GGUF " + type + " value: " + value);
        }
    }

    private static boolean isValid(GgufValueType type, Object value) {
        try {
            checkValue(type, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean inRange(Object value, long min, long max) {
        if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
            return false;
        }
        long v = ((Number) value).longValue();
        return v >= min && v <= max;
    }
}
