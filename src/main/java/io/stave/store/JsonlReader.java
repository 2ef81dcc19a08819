package io.stave.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads an append-only JSONL log (harness.md §3). A last line without {@code \n}, or one that does
 * not parse, is the trace of a killed writer and is ignored; a broken line anywhere else means
 * the file was edited or damaged and is reported.
 */
public final class JsonlReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonlReader() {}

    /** Every complete record in file order; a missing file has none. */
    public static List<ObjectNode> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<ObjectNode> records = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // After the final '\n' split leaves "" (complete file) or a torn fragment: skip either.
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (IOException e) {
                node = null;
            }
            if (node instanceof ObjectNode object) {
                records.add(object);
            } else if (i < lines.length - 2) {
                throw BadInputException.at(file, "line " + (i + 1), "one JSON object per line");
            }
        }
        return records;
    }

    /**
     * One record per key, in order of each key's first appearance: the latest record that
     * {@code succeeded}, or the latest record when none did.
     */
    public static Map<String, ObjectNode> latestByKey(
            List<ObjectNode> records, Function<ObjectNode, String> key, Predicate<ObjectNode> succeeded) {
        Map<String, ObjectNode> latest = new LinkedHashMap<>();
        for (ObjectNode record : records) {
            String k = key.apply(record);
            ObjectNode previous = latest.get(k);
            if (previous == null || succeeded.test(record) || !succeeded.test(previous)) {
                latest.put(k, record);
            }
        }
        return latest;
    }
}
