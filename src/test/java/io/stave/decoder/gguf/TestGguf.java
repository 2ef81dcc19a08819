package io.stave.decoder.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Writes small GGUF files byte by byte for reader tests (alignment 32 unless general.alignment says otherwise). */
final class TestGguf {

    private final int version;
    private final List<byte[]> kvs = new ArrayList<>();
    private final List<Object[]> tensors = new ArrayList<>();

    TestGguf(int version) {
        this.version = version;
    }

    static void string(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putLong(bytes.length).put(bytes);
    }

    TestGguf kv(String key, int type, Consumer<ByteBuffer> value) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        string(b, key);
        b.putInt(type);
        value.accept(b);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        kvs.add(out);
        return this;
    }

    /** A tensor whose data (possibly empty, to be written later) follows the header. */
    TestGguf tensor(String name, long[] dims, int type, byte[] data) {
        tensors.add(new Object[] {name, dims, type, data});
        return this;
    }

    Path write(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(GgufFile.MAGIC).putInt(version).putLong(tensors.size()).putLong(kvs.size());
        int alignment = 32;
        for (byte[] kv : kvs) {
            b.put(kv);
            if (new String(kv, 8, Math.min(17, kv.length - 8), StandardCharsets.UTF_8).equals("general.alignment")) {
                alignment = ByteBuffer.wrap(kv, kv.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
        }
        long offset = 0;
        for (Object[] t : tensors) {
            string(b, (String) t[0]);
            long[] dims = (long[]) t[1];
            b.putInt(dims.length);
            for (long d : dims) {
                b.putLong(d);
            }
            b.putInt((Integer) t[2]).putLong(offset);
            offset += GgufFile.alignUp(((byte[]) t[3]).length, alignment);
        }
        while (b.position() % alignment != 0) {
            b.put((byte) 0);
        }
        for (Object[] t : tensors) {
            byte[] data = (byte[]) t[3];
            b.put(data);
            while (b.position() % alignment != 0) {
                b.put((byte) 0);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        Files.write(file, out);
        return file;
    }
}
