package io.stave.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes output files atomically: a temporary file in the same folder, then a rename. */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            // A unique sibling name (not createTempFile, whose owner-only permissions would stick).
            Path temporary = target.resolveSibling(
                    "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            try {
                Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
