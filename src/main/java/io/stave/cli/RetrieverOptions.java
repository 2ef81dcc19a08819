package io.stave.cli;

import io.stave.BadInputException;
import io.stave.agent.retrieval.ApiCorpus;
import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.EmbeddingCache;
import io.stave.agent.retrieval.Embedders;
import io.stave.bench.Group;
import io.stave.bench.Suite;
import io.stave.bench.data.Suites;
import io.stave.bench.data.ToolRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Option;

/** The options of the {@code stave retrieve} subcommands: which queries, which corpus, which model. */
final class RetrieverOptions {

    @Option(names = "--suite", paramLabel = "S", split = ",",
            description = "Suite name or alias (G1_instruction, I1-Inst, ...; 'all' for the six groups), looked up "
                    + "under --data. Repeatable.")
    List<String> suites = new ArrayList<>();

    @Option(names = "--queries", paramLabel = "F", split = ",",
            description = "Query file (ToolBench/StableToolBench format). Repeatable.")
    List<Path> queryFiles = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "datasets",
            description = "Data directory holding solvable_queries/ or test_instruction/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--tools-root", paramLabel = "DIR",
            description = "Tool documentation root toolenv/tools/<Category>/<tool>.json (default: DATA/toolenv/tools "
                    + "when it exists).")
    Path toolsRoot;

    @Option(names = "--corpus", paramLabel = "FROM", defaultValue = "auto",
            description = "Where the APIs to retrieve from come from: suites (every API of the queries' api_lists), "
                    + "tools (every API of the tool root), or auto: tools when there is a tool root, else suites "
                    + "(default: ${DEFAULT-VALUE}).")
    String corpus;

    @Option(names = "--retriever", paramLabel = "SPEC", defaultValue = Embedders.DEFAULT,
            description = "Embedding model: minilm (all-MiniLM-L6-v2, in process) or "
                    + "onnx:PATH[,tokenizer=PATH][,pooling=mean|cls] (default: ${DEFAULT-VALUE}).")
    String retriever;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5",
            description = "Number of APIs retrieved per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--embedding-cache", paramLabel = "DIR",
            description = "Folder of cached corpus embeddings, keyed by model and corpus hash "
                    + "(default: ~/.cache/stave/embeddings).")
    Path embeddingCache;

    private ToolRoot root;

    /** The suites named by --suite and --queries, in that order. */
    List<Suite> suites() {
        List<Suite> loaded = new ArrayList<>();
        for (String name : suites) {
            if (name.equalsIgnoreCase("all")) {
                for (Group group : Group.values()) {
                    loaded.add(Suites.load(data, group, toolRoot()));
                }
            } else {
                loaded.add(Suites.resolve(name, data, toolRoot()));
            }
        }
        for (Path file : queryFiles) {
            loaded.add(Suites.fromFile(requireFile(file), toolRoot()));
        }
        return loaded;
    }

    /** The corpus per --corpus, from these suites or the tool root. */
    ApiCorpus corpus(List<Suite> loaded) {
        String from = corpus.toLowerCase(Locale.ROOT);
        return switch (from) {
            case "tools" -> {
                if (toolRoot() == null) {
                    throw new BadInputException("--corpus tools: expected a tool root (--tools-root DIR, or "
                            + data.resolve("toolenv/tools") + ")");
                }
                yield ApiCorpus.fromToolRoot(toolRoot());
            }
            case "suites" -> fromSuites(loaded);
            case "auto" -> toolRoot() != null ? ApiCorpus.fromToolRoot(toolRoot()) : fromSuites(loaded);
            default -> throw new BadInputException("--corpus '" + corpus + "': expected one of " + Arrays.asList(
                    "auto", "suites", "tools"));
        };
    }

    /** Builds the retriever, drawing a progress bar on stderr while the corpus is embedded. */
    ApiRetriever retriever(ApiCorpus apis, PrintWriter err) {
        if (k < 1) {
            throw new BadInputException("--k " + k + ": expected a positive number of APIs");
        }
        EmbeddingCache cache = embeddingCache != null ? new EmbeddingCache(embeddingCache) : EmbeddingCache.defaultLocation();
        ApiRetriever.Builder builder = ApiRetriever.builder().corpus(apis).embedder(Embedders.parse(retriever)).cache(cache);
        ProgressBar[] bar = new ProgressBar[1];
        builder.progress(done -> {
            if (bar[0] == null) {
                bar[0] = new ProgressBarBuilder().setTaskName("embedding APIs").setInitialMax(apis.size())
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar[0].stepTo(done);
        });
        try {
            return builder.build();
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
            err.flush();
        }
    }

    private ApiCorpus fromSuites(List<Suite> loaded) {
        if (loaded.isEmpty()) {
            throw new BadInputException("--suite/--queries: expected at least one suite or query file to take the "
                    + "APIs from (or a tool root with --tools-root)");
        }
        return ApiCorpus.fromSuites(loaded);
    }

    private ToolRoot toolRoot() {
        if (root == null) {
            if (toolsRoot != null) {
                root = ToolRoot.open(toolsRoot);
            } else if (Files.isDirectory(data.resolve("toolenv/tools"))) {
                root = ToolRoot.open(data.resolve("toolenv/tools"));
            }
        }
        return root;
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "$", "an existing query file");
        }
        return file;
    }
}
