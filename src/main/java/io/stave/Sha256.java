package io.stave;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex (the form {@code sha256sum} prints): of files (dataset pins, weights,
 * models), of texts (cache keys), and the seeds derived from it (harness.md §4.1).
 */
public final class Sha256 {

    private Sha256() {}

    public static String of(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return hex(digest);
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Of the UTF-8 bytes of {@code text}. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A digest to feed in parts; finish it with {@link #hex}. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A seed for one purpose (harness.md §4.1): the first 8 bytes of SHA-256 of
     * {@code seed, purpose, parts...} joined by NUL, so a draw depends only on what it is for and
     * never on the order in which work completes.
     */
    public static long seed(long seed, String purpose, Object... parts) {
        StringBuilder text = new StringBuilder().append(seed).append('\u0000').append(purpose);
        for (Object part : parts) {
            text.append('\u0000').append(part);
        }
        byte[] digest = newDigest().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, 8).getLong();
    }
}
