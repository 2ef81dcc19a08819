package io.stave.quickstart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.PyJson;
import io.stave.eval.EvalFiles;
import io.stave.AtomicFiles;
import java.nio.file.Path;

/**
 * Completes a run's {@code manifest.json} (harness.md §8), written by {@code stave run}, with what
 * the evaluation adds: the evaluation profile, the recorded judge (StableToolEval, gpt-3.5-turbo, 3 runs, 3
 * rounds, ties count as losses, the answered queries as denominator) and the paper labels of the
 * evaluated models, which the report uses for its rows.
 */
final class RunManifest {

    private RunManifest() {}

    static void addEvaluation(Path runDir, Path example) {
        Path file = runDir.resolve("manifest.json");
        ObjectNode root = EvalFiles.readObject(file);
        ObjectNode config = root.has("config") && root.get("config").isObject() ? (ObjectNode) root.get("config") : root.putObject("config");
        // The evaluation's profile; the agent ran with ToolBench's function layout, as the example did.
        ObjectNode options = config.putObject("options");
        options.put("profile", "stabletoolbench");
        options.put("agent_profile", "toolbench");
        ObjectNode judge = root.putObject("judge");
        judge.put("evaluator", "StableToolEval");
        judge.put("model", "gpt-3.5-turbo");
        judge.put("spec", "recorded:" + example.resolve("data_example"));
        judge.put("runs", Quickstart.RUNS);
        judge.put("rounds", Quickstart.RUNS);
        judge.put("tie_rule", "loss");
        judge.put("denominator", "answered");
        ObjectNode labels = root.putObject("eval").putObject("models");
        labels.putObject(Quickstart.COT).put("model", "ChatGPT").put("method", "CoT@1");
        labels.putObject(Quickstart.DFS).put("model", "ChatGPT").put("method", "DFS_woFilter_w2");
        AtomicFiles.writeString(file, PyJson.dumpsIndent(root, 2));
    }
}
