package io.stave.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.agent.Method;
import io.stave.bench.Query;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.data.QueryIds;
import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import io.stave.bench.datasets.Fetcher;
import io.stave.bench.datasets.FileSource;
import io.stave.bench.datasets.HttpSource;
import io.stave.bench.datasets.MirrorSource;
import io.stave.bench.datasets.Progress;
import io.stave.eval.EvalFiles;
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
import io.stave.report.PublishedResults;
import io.stave.report.ReportModel;
import io.stave.report.ReportWriter;
import io.stave.report.RunReader;
import io.stave.tools.AnswerFiles;
import io.stave.tools.ToolCache;
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
 * <p>Layout: one run directory ({@code runs/quickstart/}) holding both methods, as ToolEval names
 * them: {@code answers/G1_instruction/<qid>_<method>.json}, {@code converted/<model>/G1_instruction.json},
 * {@code eval/pass_rate/<model>/…}, {@code eval/preference/…}, {@code manifest.json}; the report in
 * {@code reports/quickstart/}.
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
        Map<String, Query> queries = new LinkedHashMap<>();
        QueryFiles.read(example.resolve("solvable_queries_example/test_instruction/" + GROUP + ".json"))
                .forEach(q -> queries.put(q.id(), q));

        Path toolCache = runDir.resolve("tool-cache.sqlite");
        long recorded = buildToolCache(toolCache, answers.resolve(COT), answers.resolve(DFS));
        log.accept("tool cache: " + recorded + " recorded observations -> " + toolCache);

        Map<String, Method> methods = Map.of(COT, Method.parse("CoT@1"), DFS, Method.parse("DFS_woFilter_w2"));
        ExampleReplay replay = new ExampleReplay(queries, answers.resolve(DFS).resolve(GROUP), toolCache);
        Path answersOut = runDir.resolve("answers");
        for (String model : List.of(COT, DFS)) {
            for (String qid : testIds) {
                replay.replay(answers.resolve(model), GROUP, qid, methods.get(model), answersOut);
            }
            log.accept("replayed " + testIds.size() + " " + methods.get(model) + " answers of " + model + " (replay: + cache:)");
        }

        Map<String, ObjectNode> converted = new LinkedHashMap<>();
        for (String model : List.of(COT, DFS)) {
            String method = methods.get(model).name();
            ConvertedAnswers answersOfModel = AnswerConverter.builder(method).build().convertDirectory(answersOut.resolve(GROUP));
            answersOfModel.write(runDir.resolve("converted").resolve(model).resolve(GROUP + ".json"),
                    ConvertedAnswers.Layout.COMPACT, method, Seeds.TOOLBENCH_SEED, false);
            converted.put(model, answersOfModel.toJson());
        }

        RecordedJudge judge = RecordedJudge.load(example.resolve("data_example"));
        Map<String, GroupPassRate> passRates = new LinkedHashMap<>();
        for (String model : List.of(COT, DFS)) {
            Path file = runDir.resolve("converted").resolve(model).resolve(GROUP + ".json");
            GroupPassRate result = PassRateEvaluator.builder(judge).rule(PassRateRule.STABLE).times(RUNS).build()
                    .evaluate(file, converted.get(model), testIds, GROUP, model);
            Path dir = runDir.resolve("eval/pass_rate").resolve(model);
            EvalFiles.writeAtomically(PassRateFiles.jsonFile(dir, GROUP, model), PassRateFiles.renderJson(result));
            EvalFiles.writeAtomically(PassRateFiles.csvFile(dir, GROUP, model), PassRateFiles.renderCsv(result, Seeds.TOOLBENCH_SEED));
            passRates.put(model, result);
        }
        GroupPreference preference = PreferenceEvaluator.builder(judge).rule(PassRateRule.STABLE).rounds(RUNS).build()
                .evaluate(GROUP, testIds, side(COT, converted), side(DFS, converted));
        PreferenceFiles.write(runDir.resolve("eval/preference"), preference, converted.get(COT), converted.get(DFS));

        RunManifest.write(runDir, example, toolCache, recorded, testIds);
        RunReader.RunRows rows = RunReader.read(runDir);
        List<Path> report = ReportWriter.write(ReportModel.build("stave quickstart: StableToolBench worked example (ChatGPT, "
                + GROUP + ", recorded gpt-3.5-turbo judgements)", rows.rows(), PublishedResults.bundled(), List.of()), reportDir);
        ExampleCheck check = ExampleCheck.of(example.resolve("data_example"), runDir);
        return new QuickstartResult(runDir, reportDir, report, passRates.get(COT), passRates.get(DFS), preference, check,
                (System.nanoTime() - start) / 1_000_000);
    }

    private PreferenceEvaluator.Side side(String model, Map<String, ObjectNode> converted) {
        Path csv = PassRateFiles.csvFile(runDir.resolve("eval/pass_rate").resolve(model), GROUP, model);
        return new PreferenceEvaluator.Side(model, converted.get(model), PassRateFiles.readCsv(csv));
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
