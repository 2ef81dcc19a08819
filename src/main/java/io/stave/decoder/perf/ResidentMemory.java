package io.stave.decoder.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident set split as Linux reports it in {@code /proc/self/status}: anonymous
 * pages (heap, off-heap buffers such as the KV caches) and file-backed pages (the memory-mapped
 * weights, the JDK's own files). Both are -1 where the file does not exist.
 */
public record ResidentMemory(long anonymousBytes, long fileBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");

    static ResidentMemory now() {
        long anonymous = -1;
        long file = -1;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("RssAnon:")) {
                    anonymous = kilobytes(line);
                } else if (line.startsWith("RssFile:")) {
                    file = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ResidentMemory(-1, -1);
        }
        return new ResidentMemory(anonymous, file);
    }

    /** "RssAnon:   123456 kB" in bytes. */
    private static long kilobytes(String line) {
        String[] fields = line.trim().split("\\s+");
        return Long.parseLong(fields[1]) * 1024;
    }

    boolean known() {
        return anonymousBytes >= 0 && fileBytes >= 0;
    }
}
