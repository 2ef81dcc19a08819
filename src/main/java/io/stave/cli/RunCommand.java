package io.stave.cli;

import io.stave.BadInputException;
import io.stave.agent.AgentRun;
import io.stave.agent.QueryRetrieval;
import io.stave.agent.RetrieverSetting;
import io.stave.agent.RunConfig;
import io.stave.agent.retrieval.ApiCorpus;
import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.Embedder;
import io.stave.agent.retrieval.EmbeddingCache;
import io.stave.agent.retrieval.Embedders;
import io.stave.bench.Group;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.bench.data.DescriptionMap;
import io.stave.bench.data.Suites;
import io.stave.bench.data.ToolRoot;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.llm.Backend;
import io.stave.llm.Backends;
import io.stave.llm.CachingBackend;
import io.stave.llm.ReplayBackend;
import io.stave.store.CacheMode;
import io.stave.tools.Executor;
import io.stave.tools.ToolsSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stave run}: run an agent over a suite and write ToolBench answer files; resumes by default. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run ReAct or DFSDT over a suite and write ToolBench answer files into a run directory.",
            "A YAML config (configs/*.yaml) gives the settings; flags override it. Finished queries are skipped",
            "when the same --out is used again (resume); infrastructure failures are re-queued."})
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "C.yaml", description = "Run config; several merge left to right.")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key (dotted, YAML value).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "P", description = "toolbench or stabletoolbench (defaults of spec §16).")
    String profile;

    @Option(names = "--suite", paramLabel = "S", description = "Suite name (G1_instruction, I1-Inst, ...) under --data.")
    String suite;

    @Option(names = "--queries", paramLabel = "F", description = "Query file instead of a suite.")
    Path queries;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (config suite.data, default datasets/stabletoolbench-solvable).")
    Path data;

    @Option(names = "--method", paramLabel = "M", description = "react, dfsdt, CoT@<n>, DFS_woFilter_w<N> or DFS_w<N>.")
    String method;

    @Option(names = "--model", paramLabel = "SPEC",
            description = "openai:MODEL[@BASE_URL], toolllama:MODEL@BASE_URL or replay:DIR.")
    String model;

    @Option(names = "--tools", paramLabel = "SPEC",
            description = "toolbench:URL, stable:URL, rapidapi, cache:FILE[,miss=error|simulate] or simulate.")
    String tools;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<model>_<method>).")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N queries of each suite.")
    Integer limit;

    @Option(names = "--ids", paramLabel = "Q,...", split = ",", description = "Only these query ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "i/N", description = "Run only shard i (0-based) of N, by unit id.")
    String shard;

    @Option(names = "--parallel", paramLabel = "K", description = "Episodes run at once (config concurrency.episodes).")
    Integer parallel;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Progress bar on stderr when a terminal is attached (default: on).")
    boolean progress;

    @Option(names = "--retriever", paramLabel = "SPEC",
            description = "DFSDT-Retriever: offer each query the top-k retrieved APIs instead of its api_list; SPEC is "
                    + "minilm or onnx:PATH[,tokenizer=PATH][,pooling=mean|cls], or off (config retriever.model).")
    String retriever;

    @Option(names = "--retriever-k", paramLabel = "K", description = "APIs retrieved per query (config retriever.k, default 5).")
    Integer retrieverK;

    @Option(names = "--allow-config-change",
            description = "Resume a run directory although model, method, tools, prompts, decoding or limits changed.")
    boolean allowConfigChange;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunConfig config = RunConfig.resolve(configs, overrides());
        String modelSpec = required(config, "model", "--model SPEC");
        String toolsSpec = required(config, "tools", "--tools SPEC");
        Path dataDir = Path.of(config.text("suite.data"));
        ToolRoot toolRoot = toolRoot(config, dataDir);
        List<Suite> suites = suites(config, dataDir, toolRoot);
        ToolCatalog catalog = toolRoot != null ? toolRoot
                : config.text("suite.tool_descriptions") != null
                        ? DescriptionMap.read(Path.of(config.text("suite.tool_descriptions"))) : ToolCatalog.NONE;
        Path runDir = config.text("out") != null ? Path.of(config.text("out"))
                : Path.of("runs", (modelSpec + "_" + config.method().name()).replaceAll("[^A-Za-z0-9@._-]", "-"));
        int[] shardOf = shard();
        if (shardOf[1] > 1) {
            // Each shard keeps its own ledger and answers (harness.md §7); 'stave merge' joins them.
            runDir = runDir.resolve(String.format("shard-%03d", shardOf[0]));
        }
        Set<String> only = new LinkedHashSet<>();
        config.node("suite.ids").forEach(id -> only.add(id.asText()));
        Integer suiteLimit = config.node("suite.limit").isNull() ? null : config.integer("suite.limit");
        QueryRetrieval retrieval = retrieval(config, suites, toolRoot);
        Files.createDirectories(runDir);
        try (Backend backend = backend(config, modelSpec); Executor executor = ToolsSpec.builder().build().open(toolsSpec)) {
            PrintWriter printer = spec.commandLine().getOut();
            AgentRun.Outcome outcome = AgentRun.builder().config(config).suites(suites).catalog(catalog)
                    .model(modelSpec, backend).tools(toolsSpec, executor).runDir(runDir).ids(only).limit(suiteLimit)
                    .shard(shardOf[0], shardOf[1]).progress(progress && System.console() != null).out(printer)
                    .argv(spec.commandLine().getParseResult().originalArgs()).configFiles(configs).allowConfigChange(allowConfigChange)
                    .retrieval(retrieval).build().run();
            printer.println("answers: " + runDir.resolve("answers"));
            printer.flush();
            return outcome.exitCode();
        }
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--set " + set + ": expected KEY=VALUE, e.g. agent.max_query_count=100");
            }
            overrides.put(set.substring(0, eq).trim(), set.substring(eq + 1));
        }
        if (suite != null && queries != null) {
            throw new BadInputException("--suite " + suite + " and --queries " + queries + ": give one of them");
        }
        putText(overrides, "profile", profile);
        putText(overrides, "suite.queries", suite != null ? suite : queries == null ? null : queries.toString());
        putText(overrides, "suite.data", data == null ? null : data.toString());
        putText(overrides, "method", method);
        putText(overrides, "model", model);
        putText(overrides, "tools", tools);
        putText(overrides, "out", out == null ? null : out.toString());
        if (suite != null || queries != null) {
            overrides.put("suite.groups", "[]");
        }
        if (limit != null) {
            overrides.put("suite.limit", Integer.toString(limit));
        }
        if (!ids.isEmpty()) {
            overrides.put("suite.ids", "[" + String.join(", ", ids.stream().map(id -> "'" + id + "'").toList()) + "]");
        }
        if (retriever != null) {
            overrides.put("retriever.model", retriever.equalsIgnoreCase("off") ? "null"
                    : "'" + retriever.replace("'", "''") + "'");
        }
        if (retrieverK != null) {
            overrides.put("retriever.k", Integer.toString(retrieverK));
        }
        if (parallel != null) {
            overrides.put("concurrency.episodes", Integer.toString(parallel));
        }
        return overrides;
    }

    /** Strings are quoted so YAML keeps them text (a SPEC with a colon, a path). */
    private static void putText(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, "'" + value.replace("'", "''") + "'");
        }
    }

    private static String required(RunConfig config, String key, String flag) {
        String value = config.text(key);
        if (value == null || value.isBlank()) {
            throw new BadInputException("no " + key + ": give " + flag + " or set '" + key + ":' in the config");
        }
        return value;
    }

    private int[] shard() {
        if (shard == null) {
            return new int[] {0, 1};
        }
        String[] parts = shard.split("/");
        try {
            int index = Integer.parseInt(parts[0]);
            int count = Integer.parseInt(parts[1]);
            if (parts.length != 2 || count < 1 || index < 0 || index >= count) {
                throw new NumberFormatException();
            }
            return new int[] {index, count};
        } catch (RuntimeException e) {
            throw new BadInputException("--shard " + shard + ": expected i/N with 0 <= i < N, e.g. 0/4");
        }
    }

    private static ToolRoot toolRoot(RunConfig config, Path dataDir) {
        String docs = config.text("suite.tool_docs");
        if (docs != null) {
            return ToolRoot.open(Path.of(docs));
        }
        Path fallback = dataDir.resolve("toolenv/tools");
        return Files.isDirectory(fallback) && config.text("suite.tool_descriptions") == null ? ToolRoot.open(fallback) : null;
    }

    private static List<Suite> suites(RunConfig config, Path dataDir, ToolRoot toolRoot) {
        List<Suite> suites = new ArrayList<>();
        try {
            for (var group : config.node("suite.groups")) {
                suites.add(Suites.load(dataDir, Group.parse(group.asText()), toolRoot));
            }
            if (suites.isEmpty()) {
                String queries = required(config, "suite.queries", "--suite S or --queries F");
                suites.add(Suites.resolve(queries, dataDir, toolRoot));
            }
        } catch (BadInputException e) {
            if (Files.isDirectory(dataDir.resolve("solvable_queries")) || Files.isDirectory(dataDir.resolve("test_instruction"))) {
                throw e;
            }
            throw new BadInputException(e.getMessage() + "; the suites are not fetched: run 'stave data fetch"
                    + " stabletoolbench-solvable' (or pass --data DIR)", e);
        }
        return suites;
    }

    /** The retriever of the config's setting (corpus embedded, or read from the cache, once the run starts); null when off. */
    private QueryRetrieval retrieval(RunConfig config, List<Suite> suites, ToolRoot toolRoot) {
        RetrieverSetting setting = config.retriever();
        if (setting == null) {
            return null;
        }
        Embedder embedder = Embedders.parse(setting.model());
        ApiCorpus corpus = QueryRetrieval.corpus(setting, suites, toolRoot);
        EmbeddingCache cache = setting.cache() != null ? new EmbeddingCache(Path.of(setting.cache()))
                : EmbeddingCache.defaultLocation();
        PrintWriter err = spec.commandLine().getErr();
        return new QueryRetrieval(setting, () -> {
            err.println("retriever: " + corpus.size() + " APIs (" + corpus.description() + "), top " + setting.k()
                    + " per query with " + setting.model());
            err.flush();
            return ApiRetriever.builder().corpus(corpus).embedder(embedder).cache(cache).build();
        });
    }

    private static Backend backend(RunConfig config, String modelSpec) {
        Backend backend = Backends.builder()
                .temperature(config.node("decode.temperature").isNull() ? null : config.node("decode.temperature").asDouble())
                .maxTokens(config.integer("decode.max_tokens"))
                .toolLlamaTemperature(config.node("decode.toolllama_temperature").asDouble())
                .maxNewTokens(config.integer("decode.max_new_tokens"))
                .history(HistoryStyle.parse(config.text("prompt.toolllama_history")))
                .retries(config.integer("llm.retries"), Duration.ofMillis((long) (config.node("llm.retry_pause_s").asDouble() * 1000)))
                .timeout(Duration.ofMillis((long) (config.node("llm.timeout_s").asDouble() * 1000)))
                .build().open(modelSpec);
        CacheMode mode = CacheMode.parse(config.cacheMode());
        if (backend instanceof ReplayBackend || mode == CacheMode.OFF || config.text("llm.cache") == null) {
            return backend;
        }
        Path file = Path.of(config.text("llm.cache"));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new BadInputException("llm.cache " + file + ": cannot create its folder: " + e.getMessage(), e);
        }
        return CachingBackend.open(backend, file, mode);
    }
}
