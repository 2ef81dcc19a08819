package io.stave.store;

import io.stave.Sha256;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON (object keys sorted, no insignificant whitespace, integers as integers) and the
 * SHA-256 cache keys derived from it (harness.md §4.1, §5).
 *
 * <p>Two requests that differ only in key order or formatting get the same key; anything else
 * (a string's content, an integer versus a float) gives a different key.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {}

    /** The canonical text of a JSON tree. */
    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The canonical text of any value Jackson can turn into a tree (maps, lists, records). */
    public static String of(Object value) {
        return of(value instanceof JsonNode node ? node : MAPPER.valueToTree(value));
    }

    /** Lowercase hex SHA-256 of the canonical JSON of {@code value}: the key of every cache table. */
    public static String sha256Key(Object value) {
        return sha256Hex(of(value));
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        return Sha256.of(bytes);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.properties().forEach(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(fields.get(i).getKey(), out);
                out.append(':');
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            for (boolean first = true; items.hasNext(); first = false) {
                if (!first) {
                    out.append(',');
                }
                write(items.next(), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            // Doubles keep their own shortest round-trip form, so 1.0 stays distinct from 1.
            out.append(node.asText());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            writeString(node.asText(), out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        out.append(JsonStringEncoder.getInstance().quoteAsString(s));
        out.append('"');
    }
}
