package io.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verbatim blocks of {@code spec/toolbench.md} (§0.2), each checked against the length and
 * SHA-256 that Appendix A lists for it before a test may use it.
 */
public final class SpecBlocks {

    private static final Pattern OPENING = Pattern.compile("(?m)^```(?:text|json|yaml) id=([A-Z0-9_]+)\\n");
    private static final Pattern APPENDIX_ROW =
            Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| (\\d+) \\| `([0-9a-f]{64})` \\|$");

    private static Map<String, String> blocks;
    private static String specText;

    private SpecBlocks() {}

    /** The block's text, after checking it against Appendix A. */
    public static synchronized String get(String id) {
        String text = all().get(id);
        assertThat(text).as("verbatim block %s in toolbench.md", id).isNotNull();
        Matcher row = APPENDIX_ROW.matcher(spec());
        boolean listed = false;
        while (row.find()) {
            if (row.group(1).equals(id)) {
                listed = true;
                assertThat(text.codePointCount(0, text.length())).as("length of %s", id)
                        .isEqualTo(Integer.parseInt(row.group(2)));
                assertThat(sha256(text)).as("sha256 of %s", id).isEqualTo(row.group(3));
            }
        }
        assertThat(listed).as("%s listed in Appendix A", id).isTrue();
        return text;
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> all() {
        if (blocks == null) {
            Map<String, String> found = new LinkedHashMap<>();
            String spec = spec();
            Matcher opening = OPENING.matcher(spec);
            while (opening.find()) {
                // The text ends at the newline that starts the closing fence line.
                int close = spec.indexOf("\n```\n", opening.end() - 1);
                found.put(opening.group(1), spec.substring(opening.end(), close));
            }
            blocks = found;
        }
        return blocks;
    }

    private static String spec() {
        if (specText == null) {
            try {
                specText = Files.readString(Shared.path("spec/toolbench.md"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return specText;
    }
}
