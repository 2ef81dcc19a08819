package io.stave.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.agent.AgentRun;
import io.stave.agent.Method;
import io.stave.agent.RunConfig;
import io.stave.bench.Suite;
import io.stave.bench.data.QueryIds;
import io.stave.bench.data.Suites;
import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import io.stave.bench.datasets.Fetcher;
import io.stave.bench.datasets.FileSource;
import io.stave.bench.datasets.HttpSource;
import io.stave.bench.datasets.MirrorSource;
import io.stave.bench.datasets.Progress;
import io.stave.eval.Seeds;
import io.stave.eval.convert.AnswerConverter;
import io.stave.eval.convert.ConvertedAnswers;
import io.stave.eval.judge.RecordedJudge;
import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.PassRateEvaluator;
import io.stave.eval.passrate.PassRateFiles;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.winrate.GroupPreference;
import io.stave.eval.winrate.PreferenceEvaluator;
import io.stave.eval.winrate.PreferenceFiles;
import io.stave.llm.Backend;
import io.stave.llm.ReplayBackend;
import io.stave.report.PublishedResults;
import io.stave.report.ReportModel;
import io.stave.report.ReportWriter;
import io.stave.report.ResultRow;
import io.stave.report.RunReader;
import io.stave.tools.AnswerFiles;
import io.stave.tools.Executor;
import io.stave.tools.ToolCache;
import io.stave.tools.ToolsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * StableToolBench's worked example end to end, offline (spec/toolbench.md §14.1): fetch the example
 * (from a mirror or the origin, sha256-checked), build a tool cache from its recorded observations,
 * replay ChatGPT's CoT and DFS answers through stave's agent, convert them, score them with the
 * {@code recorded:} judge (SoPR per method, SoWR of DFS against CoT) and write the report.
 *
 * <p>Layout: {@code runs/quickstart/tool-cache.sqlite} and one run directory per model, named as
 * the example names them ({@code virtual_chatgpt_cot/}, {@code virtual_chatgpt_dfs/}), each as
 * {@code stave run} writes it (manifest, plan, ledger, {@code answers/G1_instruction/<qid>_<method>.json})
 * plus {@code converted/<model>/G1_instruction.json} and {@code eval/pass_rate/<model>/…}; the win rate
 * of DFS against CoT in the DFS run's {@code eval/preference/}; the report in {@code reports/quickstart/}.
 */
public final class Quickstart {

    static final String DATASET = "stabletoolbench-example";
    static final String GROUP = "G1_instruction";
    static final String COT = "virtual_chatgpt_cot";
    static final String DFS = "virtual_chatgpt_dfs";
    /** The example's settings: StableToolEval, three judged runs per answer, three win-rate rounds. */
    static final int RUNS = 3;

    private final Path manifest;
    private final Path data;
    private final Path mirror;
    private final Path runDir;
    private final Path reportDir;
    private final Consumer<String> log;

    private Quickstart(Builder b) {
        this.manifest = b.manifest != null ? b.manifest : DatasetManifest.locate();
        this.data = b.data != null ? b.data : manifest.toAbsolutePath().getParent();
        this.mirror = b.mirror;
        this.runDir = b.runDir;
        this.reportDir = b.reportDir;
        this.log = b.log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The mirror a quickstart uses by default: {@code $STAVE_DATA_MIRROR}, else {@code ../shared/toolbench-data} if present. */
    public static Path defaultMirror(Map<String, String> env) {
        String fromEnv = env.get("STAVE_DATA_MIRROR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path shared = Path.of("..", "shared", "toolbench-data");
        return Files.isDirectory(shared) ? shared : null;
    }

    public QuickstartResult run() {
        long start = System.nanoTime();
        Path example = fetch();
        Path answers = example.resolve("data_example/answer");
        List<String> testIds = List.copyOf(QueryIds.read(example.resolve("solvable_queries_example/test_query_ids/" + GROUP + ".json")));

        Path toolCache = runDir.resolve("tool-cache.sqlite");
        long recorded = buildToolCache(toolCache, answers.resolve(COT), answers.resolve(DFS));
        log.accept("tool cache: " + recorded + " recorded observations -> " + toolCache);

        Map<String, Method> methods = Map.of(COT, Method.parse("CoT@1"), DFS, Method.parse("DFS_woFilter_w2"));
        Path queryFile = example.resolve("solvable_queries_example/test_instruction/" + GROUP + ".json");
        for (String model : List.of(COT, DFS)) {
            AgentRun.Outcome outcome = replay(model, methods.get(model), answers.resolve(model), queryFile, toolCache);
            log.accept("stave run --model replay:" + answers.resolve(model) + " --tools cache:" + toolCache + ": "
                    + outcome.summary().total().answered() + " of " + outcome.planned() + " queries answered -> "
                    + runOf(model).resolve("answers"));
        }

        Map<String, ObjectNode> converted = new LinkedHashMap<>();
        for (String model : List.of(COT, DFS)) {
            String method = methods.get(model).name();
            ConvertedAnswers answersOfModel = AnswerConverter.builder(method).build()
                    .convertDirectory(runOf(model).resolve("answers").resolve(GROUP));
            answersOfModel.write(runOf(model).resolve("converted").resolve(model).resolve(GROUP + ".json"),
                    ConvertedAnswers.Layout.COMPACT, method, Seeds.TOOLBENCH_SEED, false);
            converted.put(model, answersOfModel.toJson());
        }

        RecordedJudge judge = RecordedJudge.load(example.resolve("data_example"));
        Map<String, GroupPassRate> passRates = new LinkedHashMap<>();
        for (String model : List.of(COT, DFS)) {
            Path file = runOf(model).resolve("converted").resolve(model).resolve(GROUP + ".json");
            GroupPassRate result = PassRateEvaluator.builder(judge).rule(PassRateRule.STABLE).times(RUNS).build()
                    .evaluate(file, converted.get(model), testIds, GROUP, model);
            PassRateFiles.write(runOf(model).resolve("eval/pass_rate").resolve(model), result, Seeds.TOOLBENCH_SEED, judge.id());
            passRates.put(model, result);
        }
        GroupPreference preference = PreferenceEvaluator.builder(judge).rule(PassRateRule.STABLE).rounds(RUNS).build()
                .evaluate(GROUP, testIds, side(COT, converted), side(DFS, converted));
        // The win rate belongs to the candidate's run, as ToolEval files it: <group>_<reference>_<candidate>.
        PreferenceFiles.write(runOf(DFS).resolve("eval/preference"), preference, converted.get(COT), converted.get(DFS));

        List<Path> runs = List.of(runOf(COT), runOf(DFS));
        runs.forEach(run -> RunManifest.addEvaluation(run, example));
        List<ResultRow> rows = RunReader.readAll(runs).stream().flatMap(r -> r.rows().stream()).toList();
        List<Path> report = ReportWriter.write(ReportModel.build("stave quickstart: StableToolBench worked example (ChatGPT, "
                + GROUP + ", recorded gpt-3.5-turbo judgements)", rows, PublishedResults.bundled(), List.of()), reportDir);
        ExampleCheck check = ExampleCheck.of(example.resolve("data_example"), runOf(COT), runOf(DFS));
        return new QuickstartResult(runDir, reportDir, report, passRates.get(COT), passRates.get(DFS), preference, check,
                (System.nanoTime() - start) / 1_000_000);
    }

    private PreferenceEvaluator.Side side(String model, Map<String, ObjectNode> converted) {
        Path csv = PassRateFiles.csvFile(runOf(model).resolve("eval/pass_rate").resolve(model), GROUP, model);
        return new PreferenceEvaluator.Side(model, converted.get(model), PassRateFiles.readCsv(csv));
    }

    /** The run directory of one of the example's models: {@code runs/quickstart/<model>/}. */
    private Path runOf(String model) {
        return runDir.resolve(model);
    }

    /**
     * {@code stave run} through its package API: the recorded model from {@code replay:}, every tool
     * observation from the cache ({@code miss=error}: a call the recording does not cover fails the
     * unit instead of being answered some other way), the example's StableToolBench settings.
     */
    private AgentRun.Outcome replay(String model, Method method, Path recorded, Path queryFile, Path toolCache) {
        String modelSpec = "replay:" + recorded;
        String toolsSpec = "cache:" + toolCache + ",miss=error";
        Map<String, String> settings = new LinkedHashMap<>();
        // The example's agent run sent plain OpenAI functions: it predates StableToolBench's {"type":
        // "function"} wrapping (spec/toolbench.md §3.4, §14.1), which is ToolBench's layout.
        settings.put("profile", "toolbench");
        settings.put("method", method.name());
        settings.put("suite.queries", "'" + queryFile + "'");
        settings.put("model", "'" + modelSpec + "'");
        settings.put("tools", "'" + toolsSpec + "'");
        settings.put("llm.cache_mode", "off");
        RunConfig config = RunConfig.resolve(List.of(), settings);
        Suite suite = Suites.fromFile(queryFile, null);
        try (Backend backend = new ReplayBackend(recorded); Executor tools = ToolsSpec.builder().build().open(toolsSpec)) {
            AgentRun.Outcome outcome = AgentRun.builder().config(config).suites(List.of(suite)).model(modelSpec, backend)
                    .tools(toolsSpec, tools).runDir(runOf(model)).argv(List.of("quickstart")).build().run();
            if (outcome.exitCode() != 0) { // an episode may end unanswered (588 CoT does); failing infrastructure may not
                throw new IllegalStateException("replay of " + model + " left units failed: see "
                        + runOf(model).resolve("ledger.jsonl"));
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("quickstart interrupted", e);
        }
    }

    /** Copies the example from the mirror (or downloads it), checking every file's pinned sha256. */
    private Path fetch() {
        Dataset dataset = DatasetManifest.load(manifest).dataset(DATASET);
        DatasetStore store = new DatasetStore(data);
        FileSource source = mirror != null ? new MirrorSource(mirror) : new HttpSource();
        List<Fetcher.Result> results = store.fetch(dataset, new Fetcher(source, Progress.NONE));
        long fetched = results.stream().filter(r -> r.outcome() == Fetcher.Outcome.FETCHED).count();
        Path root = data.resolve(DATASET);
        log.accept("example: " + results.size() + " files (" + fetched + " fetched from "
                + (mirror != null ? "mirror " + mirror : "the origin") + ") -> " + root);
        return root;
    }

    /** The tool cache, rebuilt from the recorded answers (what {@code stave cache import-answers} does). */
    private static long buildToolCache(Path file, Path... answerFolders) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
        long calls = 0;
        try (ToolCache cache = ToolCache.open(file)) {
            for (Path folder : answerFolders) {
                calls += AnswerFiles.importFolder(folder, cache).calls();
            }
        }
        return calls;
    }

    /** Options of a quickstart. */
    public static final class Builder {
        private Path manifest;
        private Path data;
        private Path mirror;
        private Path runDir = Path.of("runs", "quickstart");
        private Path reportDir = Path.of("reports", "quickstart");
        private Consumer<String> log = line -> {};

        private Builder() {}

        /** The dataset manifest (default: {@code datasets/manifest.json} of this checkout). */
        public Builder manifest(Path value) {
            this.manifest = value;
            return this;
        }

        /** Where datasets are fetched to (default: the manifest's folder, {@code datasets/}). */
        public Builder data(Path value) {
            this.data = value;
            return this;
        }

        /** A local mirror laid out like the original repositories; null downloads from the origin. */
        public Builder mirror(Path value) {
            this.mirror = value;
            return this;
        }

        public Builder runDir(Path value) {
            this.runDir = value;
            return this;
        }

        public Builder reportDir(Path value) {
            this.reportDir = value;
            return this;
        }

        /** Receives one line per finished stage. */
        public Builder log(Consumer<String> value) {
            this.log = value;
            return this;
        }

        public Quickstart build() {
            return new Quickstart(this);
        }
    }
}
