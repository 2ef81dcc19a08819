package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Names;
import io.stave.bench.Query;
import io.stave.bench.Tool;
import io.stave.bench.ToolCatalog;
import io.stave.bench.ToolInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tool documentation root {@code toolenv/tools/<Category>/<tool>.json} (spec/toolbench.md §2.4).
 *
 * <p>As a {@link ToolCatalog} it is ToolBench's white list: {@code standardize(tool_name)} of every
 * tool file maps to the file's standard name and {@code tool_description}.
 */
public final class ToolRoot implements ToolCatalog {

    private final Path root;
    private final Map<Path, Tool> tools = new HashMap<>();
    private Map<String, ToolInfo> whiteList;

    private ToolRoot(Path root) {
        this.root = root;
    }

    public static ToolRoot open(Path root) {
        if (!Files.isDirectory(root)) {
            throw BadInputException.at(root, "(tool root)", "a directory holding <Category>/<tool>.json files");
        }
        return new ToolRoot(root);
    }

    public Path path() {
        return root;
    }

    @Override
    public ToolInfo toolOf(Api api) {
        ToolInfo info = whiteList().get(Names.standardize(api.toolName()));
        if (info == null) {
            throw BadInputException.at(root.resolve(api.categoryName()).resolve(Names.standardize(api.toolName()) + ".json"),
                    "$.tool_name", "a tool file whose standardized tool_name is '" + Names.standardize(api.toolName())
                            + "' (tool '" + api.toolName() + "' of category '" + api.categoryName() + "')");
        }
        return info;
    }

    /**
     * The raw tool names of a query that no tool file documents. ToolBench skips such a query
     * silently; a runner reports it instead.
     */
    public List<String> missingTools(Query query) {
        return query.apis().stream().map(Api::toolName).distinct()
                .filter(tool -> !whiteList().containsKey(Names.standardize(tool)))
                .toList();
    }

    /** The file ToolBench opens for an API entry: {@code <root>/<category>/<standardize(tool_name)>.json}. */
    public synchronized Tool tool(String categoryName, String toolName) {
        Path file = root.resolve(categoryName).resolve(Names.standardize(toolName) + ".json");
        Tool tool = tools.get(file);
        if (tool == null) {
            tool = read(file, categoryName);
            tools.put(file, tool);
        }
        return tool;
    }

    /**
     * The documented API that a minimal query entry names: the first whose
     * {@code change_name(standardize(name))} equals that of {@code apiName}; empty when none does.
     */
    public Optional<Api> api(String categoryName, String toolName, String apiName) {
        String wanted = Names.pureApiName(apiName);
        return tool(categoryName, toolName).apis().stream()
                .filter(api -> Names.pureApiName(api.name()).equals(wanted))
                .findFirst();
    }

    private synchronized Map<String, ToolInfo> whiteList() {
        if (whiteList == null) {
            Map<String, ToolInfo> list = new LinkedHashMap<>();
            for (Path file : toolFiles()) {
                JsonNode doc = JsonFields.object(JsonFields.readFile(file), file, "$");
                String toolName = JsonFields.text(doc, "tool_name", file, "$");
                list.put(Names.standardize(toolName), new ToolInfo(standardName(file), description(doc)));
            }
            whiteList = list;
        }
        return whiteList;
    }

    private List<Path> toolFiles() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> categories = Files.list(root)) {
            for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> inCategory = Files.list(category)) {
                    inCategory.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private Tool read(Path file, String categoryName) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "$", "a tool documentation file (category '" + categoryName + "')");
        }
        JsonNode doc = JsonFields.object(JsonFields.readFile(file), file, "$");
        String toolName = JsonFields.text(doc, "tool_name", file, "$");
        JsonNode list = JsonFields.array(doc, "api_list", file, "$");
        List<Api> apis = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String path = "$.api_list[" + i + "]";
            apis.add(ApiReader.fromToolDoc(JsonFields.object(list.get(i), file, path), categoryName, toolName, file, path));
        }
        return new Tool(categoryName, toolName, standardName(file), description(doc), apis, file);
    }

    /** ToolBench takes {@code file.split(".")[0]}: the file name up to its first dot. */
    private static String standardName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** A missing or non-string description counts as empty, which prints as {@code None} (STB behaviour). */
    private static String description(JsonNode doc) {
        return JsonFields.optionalText(doc, "tool_description");
    }
}
