package io.stave.agent.retrieval;

import io.stave.Sha256;
import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Names;
import io.stave.bench.Suite;
import io.stave.bench.data.ToolRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The APIs a retriever chooses from, one document per API ({@link ApiDocuments}), in a fixed order:
 * by category, tool name and API name. That order breaks score ties and makes the corpus, and so its
 * {@link #hash()}, independent of the order the sources were read in.
 *
 * @param apis        distinct by (category, tool name, API name), sorted
 * @param description where the APIs came from, for reports (e.g. {@code suites G1_instruction})
 */
public record ApiCorpus(List<Api> apis, String description) {

    private static final Comparator<Api> ORDER = Comparator.comparing(Api::categoryName)
            .thenComparing(Api::toolName)
            .thenComparing(Api::name);

    public ApiCorpus {
        apis = List.copyOf(apis);
    }

    /** Distinct APIs of these APIs (the first of equal (category, tool, name) wins), sorted. */
    public static ApiCorpus of(List<Api> apis, String description) {
        Map<List<String>, Api> distinct = new LinkedHashMap<>();
        for (Api api : apis) {
            distinct.putIfAbsent(List.of(api.categoryName(), api.toolName(), api.name()), api);
        }
        List<Api> sorted = new ArrayList<>(distinct.values());
        sorted.sort(ORDER);
        return new ApiCorpus(sorted, description);
    }

    /** Every API offered to any query of these suites (their {@code api_list} entries). */
    public static ApiCorpus fromSuites(List<Suite> suites) {
        List<Api> apis = suites.stream().flatMap(s -> s.queries().stream()).flatMap(q -> q.apis().stream()).toList();
        List<String> names = suites.stream().map(Suite::name).toList();
        return of(apis, "suites " + String.join(", ", names));
    }

    /**
     * Every API documented under a tool root {@code <root>/<Category>/<tool>.json}. A tool is taken from
     * the file a runner opens for it, {@code <Category>/<standardize(tool_name)>.json}; a file under
     * another name cannot be opened by a runner and is left out (see {@link #skippedFiles}).
     */
    public static ApiCorpus fromToolRoot(ToolRoot root) {
        List<Api> apis = new ArrayList<>();
        int skipped = 0;
        for (Path file : toolFiles(root.path())) {
            String category = file.getParent().getFileName().toString();
            String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
            // ToolRoot opens <category>/<standardize(name)>.json: the stem must already be standard.
            if (Names.standardize(stem).equals(stem)) {
                apis.addAll(root.tool(category, stem).apis());
            } else {
                skipped++;
            }
        }
        String note = skipped == 0 ? "" : " (" + skipped + " files not named standardize(tool_name) left out)";
        return of(apis, "tool root " + root.path() + note);
    }

    public int size() {
        return apis.size();
    }

    /** The text embedded for each API, in corpus order. */
    public List<String> documents() {
        return apis.stream().map(ApiDocuments::text).toList();
    }

    /** SHA-256 (hex) of the documents in order: the corpus half of the embedding cache key. */
    public String hash() {
        MessageDigest digest = Sha256.newDigest();
        for (String document : documents()) {
            digest.update(document.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return Sha256.hex(digest);
    }


    private static List<Path> toolFiles(Path root) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> categories = Files.list(root)) {
            for (Path category : categories.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> tools = Files.list(category)) {
                    tools.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                            .sorted().forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw BadInputException.at(root, "(tool root)", "<Category>/<tool>.json tool documentation files");
        }
        return files;
    }
}
