package io.stave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader (or a resumed run) sees either the old content or the new, never
 * half of it: the bytes go to a temporary file in the same folder, are forced to disk, and the
 * temporary file is renamed over the target (design.md "Files", harness.md §3).
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8 and returns {@code target}. */
    public static Path writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
        return target;
    }

    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = temporaryBeside(absolute);
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, absolute);
            forceFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The write already failed; a stray temporary file is harmless.
            }
        }
    }

    /**
     * A fresh name for a temporary file beside {@code target}, for writers that stream their own
     * content: create it with {@code CREATE_NEW}, so it gets the usual permissions (createTempFile's
     * owner-only ones would stick to the renamed file), then {@link #move} it over the target.
     */
    public static Path temporaryBeside(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling(
                "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    }

    /**
     * Renames a finished temporary file over {@code target}, atomically where the file system
     * allows it; for writers that stream their temporary file themselves.
     */
    public static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; not every file system lets a folder be opened, which is fine. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Best effort only.
        }
    }
}
