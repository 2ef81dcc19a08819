package io.stave.quickstart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.datasets.Sha256;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The quickstart run's {@code manifest.json} (harness.md §8): profile, input files with their hashes,
 * the replay model and cache tools, the recorded judge (StableToolEval, gpt-3.5-turbo, 3 runs, 3
 * rounds, ties count as losses), and the paper labels of the two evaluated models.
 */
final class RunManifest {

    private RunManifest() {}

    static void write(Path runDir, Path example, Path toolCache, long cachedCalls, List<String> testIds) {
        ObjectNode root = Json.NODES.objectNode();
        root.putObject("stave").put("command", "quickstart");
        ObjectNode config = root.putObject("config");
        config.put("name", "quickstart");
        config.putObject("options").put("profile", "stabletoolbench");

        ObjectNode data = root.putObject("data");
        data.put("dataset", Quickstart.DATASET);
        ArrayNode files = data.putArray("files");
        for (String relative : List.of("solvable_queries_example/test_instruction/" + Quickstart.GROUP + ".json",
                "solvable_queries_example/test_query_ids/" + Quickstart.GROUP + ".json")) {
            Path file = example.resolve(relative);
            files.addObject().put("path", relative).put("size", size(file)).put("sha256", Sha256.of(file));
        }

        ObjectNode model = root.putObject("model");
        model.put("backend", "replay");
        model.put("spec", "replay:" + example.resolve("data_example/answer"));
        ObjectNode tools = root.putObject("tools");
        tools.put("backend", "cache:" + toolCache + ",miss=error");
        tools.put("cached_calls", cachedCalls);

        ObjectNode judge = root.putObject("judge");
        judge.put("evaluator", "StableToolEval");
        judge.put("model", "gpt-3.5-turbo");
        judge.put("spec", "recorded:" + example.resolve("data_example"));
        judge.put("runs", Quickstart.RUNS);
        judge.put("rounds", Quickstart.RUNS);
        judge.put("tie_rule", "loss");
        judge.put("denominator", "answered");

        root.putObject("seeds").put("run", io.stave.eval.Seeds.TOOLBENCH_SEED);
        ObjectNode counts = root.putObject("counts");
        counts.put("queries", testIds.size());
        counts.put("units_done", 2 * testIds.size());

        ObjectNode labels = root.putObject("eval").putObject("models");
        labels.putObject(Quickstart.COT).put("model", "ChatGPT").put("method", "CoT@1");
        labels.putObject(Quickstart.DFS).put("model", "ChatGPT").put("method", "DFS_woFilter_w2");
        AtomicFiles.writeString(runDir.resolve("manifest.json"), PyJson.dumpsIndent(root, 2));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
