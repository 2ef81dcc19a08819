package io.stave.decoder.safetensors;

import io.stave.BadInputException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code .safetensors} file (spec/decoder.md §7.2): u64 header length, a JSON header, then the
 * tensor bytes, row-major and little-endian with no alignment guarantee. Mapped whole.
 */
public final class SafetensorsFile {

    /** One tensor; shape outermost first. */
    public record Tensor(String name, String dtype, long[] shape, MemorySegment data) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }
    }

    private final Path path;
    private final Map<String, Tensor> tensors;

    private SafetensorsFile(Path path, Map<String, Tensor> tensors) {
        this.path = path;
        this.tensors = tensors;
    }

    public Path path() {
        return path;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    static int dtypeBytes(String dtype) {
        return switch (dtype) {
            case "F64", "I64" -> 8;
            case "F32", "I32" -> 4;
            case "F16", "BF16", "I16" -> 2;
            case "I8", "U8", "BOOL" -> 1;
            default -> -1;
        };
    }

    public static SafetensorsFile open(Path path, Arena arena) {
        MemorySegment file;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
        long size = file.byteSize();
        if (size < 8) {
            throw new BadInputException(path + ": header length: expected 8 bytes, the file has " + size + " (truncated)");
        }
        long headerLength = file.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
        if (headerLength < 2 || headerLength > size - 8 || headerLength > 100_000_000) {
            throw new BadInputException(path + ": header length: expected a JSON header within the file ("
                    + (size - 8) + " bytes), found " + headerLength + " (truncated or not safetensors)");
        }
        String headerText = new String(file.asSlice(8, headerLength).toArray(ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8);
        Object header;
        try {
            header = Json.parse(headerText);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ": header: expected JSON, " + e.getMessage());
        }
        if (!(header instanceof Map<?, ?> entries)) {
            throw new BadInputException(path + ": header: expected a JSON object");
        }
        long dataStart = 8 + headerLength;
        long dataSize = size - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String name = (String) entry.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            String where = path + ": $['" + name + "']";
            if (!(entry.getValue() instanceof Map<?, ?> info)) {
                throw new BadInputException(where + ": expected an object with dtype, shape and data_offsets");
            }
            if (!(info.get("dtype") instanceof String dtype) || dtypeBytes(dtype) < 0) {
                throw new BadInputException(where + ".dtype: expected one of F64 F32 F16 BF16 I64 I32 I16 I8 U8 BOOL, found "
                        + info.get("dtype"));
            }
            long[] shape = longs(where + ".shape", info.get("shape"), -1);
            long[] offsets = longs(where + ".data_offsets", info.get("data_offsets"), 2);
            Tensor probe = new Tensor(name, dtype, shape, null);
            long bytes = probe.elements() * dtypeBytes(dtype);
            if (offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataSize) {
                throw new BadInputException(where + ".data_offsets: expected a range within the " + dataSize
                        + " data bytes, found [" + offsets[0] + ", " + offsets[1] + "] (truncated?)");
            }
            if (offsets[1] - offsets[0] != bytes) {
                throw new BadInputException(where + ".data_offsets: expected " + bytes + " bytes for " + dtype + " "
                        + java.util.Arrays.toString(shape) + ", found " + (offsets[1] - offsets[0]));
            }
            tensors.put(name, new Tensor(name, dtype, shape, file.asSlice(dataStart + offsets[0], bytes)));
        }
        return new SafetensorsFile(path, tensors);
    }

    private static long[] longs(String where, Object value, int length) {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw new BadInputException(where + ": expected an array of " + (length >= 0 ? length + " " : "")
                    + "integers, found " + value);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l) || l < 0) {
                throw new BadInputException(where + "[" + i + "]: expected a non-negative integer, found " + list.get(i));
            }
            out[i] = l;
        }
        return out;
    }
}
