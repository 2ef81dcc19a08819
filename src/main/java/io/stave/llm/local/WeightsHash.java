package io.stave.llm.local;

import io.stave.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
            MessageDigest digest = sha256();
            List<Path> files;
            try (Stream<Path> list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                digest.update((file.getFileName() + "\n" + file(file) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
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
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        KNOWN.put(key, hex);
        return hex;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
