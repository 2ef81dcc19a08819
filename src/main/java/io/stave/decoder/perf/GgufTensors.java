package io.stave.decoder.perf;

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
import java.util.List;

/**
 * The tensor directory of a GGUF file (spec/decoder.md §4.1), memory-mapped: the benchmark needs
 * only the tensors' names, types, dims and data, so metadata values are skipped except
 * {@code general.alignment}. Each tensor is a slice of the one mapping; nothing is copied.
 */
final class GgufTensors implements AutoCloseable {

    record Tensor(String name, GgmlType type, long[] dims, MemorySegment data) {}

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena = Arena.ofShared();
    private final Path file;
    private final MemorySegment segment;
    private final List<Tensor> tensors = new ArrayList<>();
    private long position;

    GgufTensors(Path file) throws IOException {
        this.file = file;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
        try {
            parse();
        } catch (IndexOutOfBoundsException e) {
            arena.close();
            throw BadInputException.at(file, "offset " + position, "a complete GGUF file, found it truncated");
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    MemorySegment segment() {
        return segment;
    }

    List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public void close() {
        arena.close();
    }

    private void parse() {
        // u32 magic "GGUF", u32 version, u64 tensor_count, u64 metadata_kv_count
        if (segment.byteSize() < 24 || segment.get(U32, 0) != 0x46554747) {
            throw BadInputException.at(file, "offset 0", "the GGUF magic bytes 'GGUF'");
        }
        int version = segment.get(U32, 4);
        if (version != 2 && version != 3) {
            throw BadInputException.at(file, "version", "GGUF version 2 or 3, found " + version);
        }
        long tensorCount = segment.get(U64, 8);
        long kvCount = segment.get(U64, 16);
        position = 24;
        long alignment = 32;
        for (long i = 0; i < kvCount; i++) {
            String key = string();
            int type = u32();
            if (key.equals("general.alignment") && (type == 4 || type == 5)) {
                alignment = u32();
            } else {
                skipValue(type);
            }
        }
        List<long[]> dimsList = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<GgmlType> types = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            // string name, u32 n_dims, u64 dims[n_dims], u32 type, u64 offset
            String name = string();
            int nDims = u32();
            long[] dims = new long[nDims];
            for (int d = 0; d < nDims; d++) {
                dims[d] = u64();
            }
            int typeId = u32();
            GgmlType type = GgmlType.ofId(typeId);
            if (type == null) {
                throw BadInputException.at(file, "tensor " + name, "a supported tensor type, found id " + typeId);
            }
            names.add(name);
            dimsList.add(dims);
            types.add(type);
            offsets.add(u64());
        }
        long dataStart = position + (alignment - position % alignment) % alignment;
        for (int i = 0; i < names.size(); i++) {
            long[] dims = dimsList.get(i);
            long bytes = types.get(i).bytesFor(dims[0]);
            for (int d = 1; d < dims.length; d++) {
                bytes *= dims[d];
            }
            tensors.add(new Tensor(names.get(i), types.get(i), dims, segment.asSlice(dataStart + offsets.get(i), bytes)));
        }
    }

    private void skipValue(int type) {
        switch (type) {
            case 0, 1, 7 -> position += 1;
            case 2, 3 -> position += 2;
            case 4, 5, 6 -> position += 4;
            case 10, 11, 12 -> position += 8;
            case 8 -> {
                long length = u64();
                position += length;
            }
            case 9 -> {
                int elementType = u32();
                long n = u64();
                for (long i = 0; i < n; i++) {
                    skipValue(elementType);
                }
            }
            default -> throw BadInputException.at(file, "offset " + position, "a GGUF value type 0…12, found " + type);
        }
    }

    private int u32() {
        int v = segment.get(U32, position);
        position += 4;
        return v;
    }

    private long u64() {
        long v = segment.get(U64, position);
        position += 8;
        return v;
    }

    private String string() {
        int n = Math.toIntExact(u64());
        String s = new String(segment.asSlice(position, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        position += n;
        return s;
    }
}
