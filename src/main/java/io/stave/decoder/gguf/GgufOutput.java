package io.stave.decoder.gguf;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian GGUF scalars on a stream that counts its bytes (for offsets and padding). */
final class GgufOutput {

    private final Counting out;

    GgufOutput(OutputStream out) {
        this.out = new Counting(out);
    }

    /** The underlying stream; bytes written to it are counted too. */
    OutputStream stream() {
        return out;
    }

    long count() {
        return out.count;
    }

    void u16(short value) throws IOException {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    void u32(int value) throws IOException {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((value >>> shift) & 0xFF);
        }
    }

    void u64(long value) throws IOException {
        for (int shift = 0; shift < 64; shift += 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    /** u64 byte length, then the UTF-8 bytes, no NUL. */
    void string(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        u64(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    void zeros(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            out.write(0);
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
