package io.stave.quickstart;

import io.stave.agent.AgentRun;
import io.stave.agent.RunConfig;
import io.stave.bench.Suite;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.data.Suites;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.llm.ToolLlamaBackend;
import io.stave.llm.local.LocalTextCompletion;
import io.stave.llm.local.ReuseStats;
import io.stave.tools.Executor;
import io.stave.tools.ToolsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quickstart's second stage: the same example queries through the in-process decoder with
 * Attention Buckets, ToolLLaMA's way (text prompt, ReAct parser, DFSDT), tools from the quickstart's
 * cache ({@code miss=simulate}, since the model's calls are not the recorded ones).
 *
 * <p>The model is stories260K, a 260K-parameter story model that stands in for ToolLLaMA-2-7b-v2:
 * it writes stories, not ReAct, so its answers are nonsense and are not judged. The stage shows the
 * machinery (six buckets, PI, KV reuse across the search) working end to end, not a score.
 */
public final class LocalStage {

    /** The stand-in model's options: toolbench-6 buckets, PI ratio 4 so the ToolLLaMA prompt fits, short generations. */
    public static final String OPTIONS = ",buckets=toolbench-6,pi-scale=4,max-new-tokens=16,seed=1";

    /**
     * @param outcome what the run wrote
     * @param reuse   prompt tokens prefilled and reused over the whole stage
     */
    public record Result(Path runDir, String modelSpec, AgentRun.Outcome outcome, ReuseStats reuse) {}

    private LocalStage() {}

    /** The stand-in model: {@code ../shared/models/stories260K.gguf} when present, else null. */
    public static Path defaultModel() {
        Path shared = Path.of("..", "shared", "models", "stories260K.gguf");
        return Files.isRegularFile(shared) ? shared : null;
    }

    /** Where the first stage fetched the example: {@code stabletoolbench-example/} under {@code data} (default datasets/). */
    public static Path example(Path data) {
        Path root = data != null ? data : DatasetManifest.locate().toAbsolutePath().getParent();
        return root.resolve(Quickstart.DATASET);
    }

    /**
     * Runs DFSDT over the example's queries with at most {@code maxQueries} model calls per query.
     *
     * @param example   the fetched example (the folder holding {@code solvable_queries_example/})
     * @param toolCache the quickstart's tool cache
     */
    public static Result run(Path example, Path toolCache, Path model, Path runDir, int maxQueries)
            throws InterruptedException {
        Path queryFile = example.resolve("solvable_queries_example/test_instruction/" + Quickstart.GROUP + ".json");
        String modelSpec = "gguf:" + model + OPTIONS;
        String toolsSpec = "cache:" + toolCache + ",miss=simulate";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("profile", "toolbench");
        settings.put("method", "DFS_woFilter_w2");
        settings.put("suite.queries", "'" + queryFile + "'");
        settings.put("model", "'" + modelSpec + "'");
        settings.put("tools", "'" + toolsSpec + "'");
        settings.put("llm.cache_mode", "off");
        settings.put("agent.max_query_count", Integer.toString(maxQueries));
        RunConfig config = RunConfig.resolve(List.of(), settings);
        Suite suite = Suites.fromFile(queryFile, null);
        try (LocalTextCompletion local = LocalTextCompletion.open(modelSpec);
                ToolLlamaBackend backend = new ToolLlamaBackend(local, HistoryStyle.TB_THOUGHT_ONLY);
                Executor tools = ToolsSpec.builder().build().open(toolsSpec)) {
            AgentRun.Outcome outcome = AgentRun.builder().config(config).suites(List.of(suite)).model(modelSpec, backend)
                    .tools(toolsSpec, tools).runDir(runDir).argv(List.of("quickstart", "local")).build().run();
            return new Result(runDir, modelSpec, outcome, local.stats());
        }
    }
}
