package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.AtomicFiles;
import io.stave.store.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * StableToolBench's {@code tool_response_cache} folder (toolbench.md §7.4 step 4):
 * {@code <category>/<tool_dir>/<api_name>.json}, each a JSON object from {@code py_str(tool_input)}
 * to the stored reply. Import keeps keys verbatim and entries in file order; export writes the same
 * layout with {@code py_json_indent(4)}, so a round trip of a StableToolBench file is byte-stable.
 */
public final class StbCacheFiles {

    /** What an import or export touched. */
    public record Counts(long files, long entries, long skippedFiles) {}

    private StbCacheFiles() {}

    public static Counts importFolder(Path folder, ToolCache cache) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder + ": expected a tool_response_cache folder"
                    + " (<category>/<tool_dir>/<api_name>.json)");
        }
        long files = 0;
        long entries = 0;
        long skipped = 0;
        for (Path file : jsonFiles(folder)) {
            Path relative = folder.relativize(file);
            if (relative.getNameCount() != 3) {
                skipped++;
                continue;
            }
            JsonNode content = read(file);
            if (content == null) {
                skipped++;
                continue;
            }
            String category = relative.getName(0).toString();
            String toolDir = relative.getName(1).toString();
            String apiFile = relative.getName(2).toString();
            String apiName = apiFile.substring(0, apiFile.length() - ".json".length());
            List<ToolCache.StoredReply> replies = new ArrayList<>();
            content.properties().forEach(e -> replies.add(new ToolCache.StoredReply(
                    new CacheCoordinates(category, toolDir, apiName, e.getKey()), e.getValue(), "cache-import")));
            cache.putReplies(replies, Provenance.of("cache-import"));
            files++;
            entries += replies.size();
        }
        return new Counts(files, entries, skipped);
    }

    public static Counts exportFolder(ToolCache cache, Path folder) {
        Map<Path, Map<String, JsonNode>> byFile = new LinkedHashMap<>();
        cache.forEachReply(reply -> {
            CacheCoordinates at = reply.coordinates();
            Path file = folder.resolve(at.category()).resolve(at.toolDir()).resolve(at.apiName() + ".json");
            byFile.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(at.key(), reply.reply());
        });
        long entries = 0;
        for (var file : byFile.entrySet()) {
            AtomicFiles.writeString(file.getKey(), PyJson.dumpsIndent(file.getValue(), 4));
            entries += file.getValue().size();
        }
        return new Counts(byFile.size(), entries, 0);
    }

    /** The JSON object of a cache file; null for an empty file (StableToolBench leaves some behind). */
    private static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (text.isBlank()) {
            return null;
        }
        JsonNode content;
        try {
            content = Json.parse(text);
        } catch (RuntimeException e) {
            throw BadInputException.at(file, "$", "a JSON object of cached replies (" + e.getMessage() + ")");
        }
        if (!content.isObject()) {
            throw BadInputException.at(file, "$", "a JSON object mapping tool inputs to replies");
        }
        return content;
    }

    static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
