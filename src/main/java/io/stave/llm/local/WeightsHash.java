package io.stave.llm.local;

import io.stave.Sha256;
import io.stave.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * SHA-256 of a model's files, for the completion id (the LLM cache key must change when the weights
 * do, harness.md §5). A folder hashes its regular files in name order, each as name and digest.
 * Digests are remembered per process by path, size and modification time: a 7 GB file takes seconds.
 */
final class WeightsHash {

    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private WeightsHash() {}

    static String of(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return file(path);
            }
            MessageDigest digest = Sha256.newDigest();
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update((file.getFileName() + "\n" + file(file) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read the model to hash it: " + e.getMessage(), e);
        }
    }

    private static String file(Path file) throws IOException {
        String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        String known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        String hex = Sha256.of(file);
        KNOWN.put(key, hex);
        return hex;
    }
}
