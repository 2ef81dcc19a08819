package io.stave.decoder.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal, independent GGUF reader for testing the writer and synthetic models: follows spec/decoder.md §4.1 field
 * by field, with no code shared with {@link GgufWriter}.
 */
public final class GgufTestReader {

    public record Tensor(String name, long[] dims, int type, long offset) {}

    public final ByteBuffer buffer;
    public final int version;
    public final Map<String, Object> metadata = new LinkedHashMap<>();
    public final Map<String, Integer> metadataTypes = new LinkedHashMap<>();
    public final List<Tensor> tensors = new ArrayList<>();
    public final long infosEnd;
    public final long dataStart;

    public GgufTestReader(Path file) throws IOException {
        buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buffer.getInt();
        if (magic != 0x46554747) {
            throw new IllegalStateException("bad magic " + Integer.toHexString(magic));
        }
        version = buffer.getInt();
        long tensorCount = buffer.getLong();
        long kvCount = buffer.getLong();
        for (long i = 0; i < kvCount; i++) {
            String key = string();
            int type = buffer.getInt();
            metadataTypes.put(key, type);
            metadata.put(key, value(type));
        }
        for (long i = 0; i < tensorCount; i++) {
            String name = string();
            int nDims = buffer.getInt();
            long[] dims = new long[nDims];
            for (int d = 0; d < nDims; d++) {
                dims[d] = buffer.getLong();
            }
            int type = buffer.getInt();
            long offset = buffer.getLong();
            tensors.add(new Tensor(name, dims, type, offset));
        }
        infosEnd = buffer.position();
        long alignment = metadata.containsKey("general.alignment") ? ((Number) metadata.get("general.alignment")).longValue() : 32;
        dataStart = infosEnd + (alignment - infosEnd % alignment) % alignment;
    }

    public byte[] bytes(long offset, int length) {
        byte[] out = new byte[length];
        buffer.get((int) offset, out);
        return out;
    }

    private String string() {
        byte[] bytes = new byte[(int) buffer.getLong()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Object value(int type) {
        return switch (type) {
            case 0 -> buffer.get() & 0xFF;
            case 1 -> (int) buffer.get();
            case 2 -> buffer.getShort() & 0xFFFF;
            case 3 -> (int) buffer.getShort();
            case 4 -> buffer.getInt() & 0xFFFFFFFFL;
            case 5 -> buffer.getInt();
            case 6 -> buffer.getFloat();
            case 7 -> {
                byte b = buffer.get();
                if (b != 0 && b != 1) {
                    throw new IllegalStateException("bool byte " + b);
                }
                yield b == 1;
            }
            case 8 -> string();
            case 9 -> {
                int elementType = buffer.getInt();
                long n = buffer.getLong();
                List<Object> elements = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    elements.add(value(elementType));
                }
                yield elements;
            }
            case 10, 11 -> buffer.getLong();
            case 12 -> buffer.getDouble();
            default -> throw new IllegalStateException("value type " + type);
        };
    }
}
