package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.Names;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tool documentation folder {@code <root>/<Category>/<standard tool name>.json} (toolbench.md §2.4),
 * read on demand and kept in memory.
 */
public final class ToolDocs {

    private final Path root;
    private final Map<Path, Optional<JsonNode>> loaded = new ConcurrentHashMap<>();

    public ToolDocs(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": expected a tool documentation folder (<Category>/<tool>.json)");
        }
        this.root = root;
    }

    /** The documentation of a tool, looked up under the category as written and as standardised. */
    public Optional<JsonNode> tool(String category, String standardToolName) {
        for (String folder : new String[] {category, Names.standardizeCategory(category)}) {
            Optional<JsonNode> doc = load(root.resolve(folder).resolve(standardToolName + ".json"));
            if (doc.isPresent()) {
                return doc;
            }
        }
        return Optional.empty();
    }

    /** The {@code api_list} entry whose standardised name is {@code pureApiName} (change_name applied). */
    public static Optional<JsonNode> api(JsonNode toolDoc, String pureApiName) {
        for (JsonNode api : toolDoc.path("api_list")) {
            String name = api.path("name").asText();
            if (Names.changeName(Names.standardize(name)).equals(pureApiName)) {
                return Optional.of(api);
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> load(Path file) {
        return loaded.computeIfAbsent(file, f -> {
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Json.parse(Files.readString(f)));
            } catch (IOException | RuntimeException e) {
                throw BadInputException.at(f, "$", "a tool documentation JSON object (" + e.getMessage() + ")");
            }
        });
    }
}
