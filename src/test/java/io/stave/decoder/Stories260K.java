package io.stave.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The stories260K files of ../shared/models, each checked against its README sha256 before use. */
public final class Stories260K {

    private static final Map<String, String> SHA256 = Map.of(
            "stories260K.bin", "b0a507e7ad0f626624f17112325e66691f9076d622e1d3274d103d00299f2696",
            "tok512.bin", "037cb335abb25d1fa9e8ecae30ed2a3a8ace9302862ebcdc05d51a6bbb10c312",
            "stories260K-q8.bin", "cd3a552807272f83aac2ec175b7dc5dd622598ff41ad7d039d4da301e00d3015",
            "stories260K.gguf", "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d");
    private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();

    /** §12.2: greedy from BOS, 256 steps. */
    public static final String GREEDY_TEXT = """
            Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.
            Lily's mom said, "Lily, let's go to the park." Lily was sad and didn't know what to do. She said, "I want to play with your ball, but I can't find it."
            Lily was sad and didn't know what to do. She said, "I'm sorry, Lily. I didn't know what to do."
            Lily didn't want to help her mom, so she said, "I'm sorry, mom. I didn't know what to do." Her mom said, "Don't worry, Lily. We can help you.""";

    /** §12.2: the first 64 generated ids. */
    public static final int[] GREEDY_IDS = {
        403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426, 338, 401, 396, 267, 337, 410, 408,
        419, 292, 411, 322, 265, 282, 295, 433, 426, 385, 328, 432, 358, 394, 261, 370, 432, 352, 266, 268, 388, 426,
        338, 391, 266, 267, 337, 335, 312, 432, 398, 312, 286, 267, 414, 270, 333, 415, 426, 13, 438, 310};

    private Stories260K() {}

    public static Path bin() {
        return checked("stories260K.bin");
    }

    public static Path tokenizer() {
        return checked("tok512.bin");
    }

    public static Path q8() {
        return checked("stories260K-q8.bin");
    }

    public static Path gguf() {
        return checked("stories260K.gguf");
    }

    private static Path checked(String name) {
        Path path = Shared.models().resolve(name);
        CHECKED.computeIfAbsent(name, n -> {
            assertThat(sha256(path)).as("sha256 of %s", path).isEqualTo(SHA256.get(n));
            return true;
        });
        return path;
    }

    private static String sha256(Path path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
