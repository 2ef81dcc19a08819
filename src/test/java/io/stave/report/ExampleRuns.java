package io.stave.report;

import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Run directories made of the StableToolBench example's published result files (spec/toolbench.md §14.1). */
public final class ExampleRuns {

    public static final String COT = "virtual_chatgpt_cot";
    public static final String DFS = "virtual_chatgpt_dfs";

    private ExampleRuns() {}

    /**
     * A run directory laid out as harness.md §3 says, holding the example's pass-rate and preference
     * files, with a manifest naming the judge and, when {@code labels}, the paper labels of the models.
     */
    public static Path exampleRun(Path folder, String judgeModel, boolean labels) throws IOException {
        Path example = Shared.stableToolBench().resolve("data_example");
        for (String model : List.of(COT, DFS)) {
            Path dir = Files.createDirectories(folder.resolve("eval/pass_rate").resolve(model));
            Files.copy(example.resolve("pass_rate_results/" + model + "/G1_instruction_" + model + ".json"),
                    dir.resolve("G1_instruction_" + model + ".json"));
        }
        Path preference = Files.createDirectories(folder.resolve("eval/preference"));
        String name = "G1_instruction_" + COT + "_" + DFS + ".json";
        Files.copy(example.resolve("preference_results/" + name), preference.resolve(name));
        String models = labels
                ? ", \"eval\": {\"models\": {\"" + COT + "\": {\"model\": \"ChatGPT\", \"method\": \"CoT@1\"}, \""
                        + DFS + "\": {\"model\": \"ChatGPT\", \"method\": \"DFS_woFilter_w2\"}}}"
                : "";
        Files.writeString(folder.resolve("manifest.json"), "{\"config\": {\"options\": {\"profile\": \"stabletoolbench\"}},"
                + " \"judge\": {\"evaluator\": \"StableToolEval\", \"model\": \"" + judgeModel + "\"},"
                + " \"tools\": {\"backend\": \"cache:tools.sqlite\"}" + models + "}");
        return folder;
    }

}
