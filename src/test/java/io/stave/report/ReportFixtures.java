package io.stave.report;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Small hand-built inputs whose renderings are kept as golden files. */
final class ReportFixtures {

    private ReportFixtures() {}

    static final Provenance RUN_A = new Provenance("run-a", "toolbench", "ToolEval v2", "gpt-3.5-turbo-16k",
            "cache:caches/tools.sqlite", new TreeMap<>(java.util.Map.of("stave.version", "0.1.0", "seeds.run", "1234")));
    static final Provenance RUN_B = new Provenance("run-b", "toolbench", "ToolEval v2", "gpt-4o-mini", "simulate");
    static final Provenance RUN_C = new Provenance("run-c", "stabletoolbench", "StableToolEval",
            "gpt-4-turbo-2024-04-09", "stable:http://localhost:8080/virtual");

    /** ChatGPT DFSDT, all six groups: Δ within noise on I1-Inst, far outside on I1-Tool, one simulated group. */
    static ResultRow chatGptDfsdtPassRate() {
        return new ResultRow("ChatGPT", "DFSDT", Metric.PASS_RATE, List.of(
                new MeasuredCell("G1_instruction", 57.0, 50.1, 63.7, 200),
                new MeasuredCell("G1_tool", 80.0, 73.9, 85.0, 200),
                new MeasuredCell("G1_category", 60.5, 53.6, 67.0, 200),
                new MeasuredCell("G2_instruction", 70.0, 63.3, 75.9, 200),
                new MeasuredCell("G2_category", 71.5, 64.9, 77.3, 200, Set.of(CellFlag.SIMULATED_TOOLS)),
                new MeasuredCell("G3_instruction", 62.0, 52.2, 70.9, 100)), RUN_A);
    }

    /** ChatGPT ReACT judged by another model, one group only: no Average. */
    static ResultRow chatGptReactPassRate() {
        return new ResultRow("ChatGPT", "ReACT", Metric.PASS_RATE, List.of(
                new MeasuredCell("I1-Inst.", 40.0, 33.5, 46.9, 200)), RUN_B);
    }

    /** A StableToolBench run compared with a ToolBench table: not comparable. */
    static ResultRow toolLlamaDfsdtWinRate() {
        return new ResultRow("ToolLLaMA", "DFSDT", Metric.WIN_RATE, List.of(
                new MeasuredCell("G1_instruction", 50.0, 43.1, 56.9, 200),
                new MeasuredCell("G3_instruction", 66.0, 56.3, 74.5, 100)), RUN_C);
    }

    static List<ResultRow> rows() {
        return List.of(toolLlamaDfsdtWinRate(), chatGptReactPassRate(), chatGptDfsdtPassRate());
    }

    static ReportModel model() {
        return ReportModel.build("stave reproduction: ToolLLM Table 4 (fixture)", rows(), PublishedResults.bundled(),
                List.of("toolllm_tooleval_v2_pass_rate", "toolllm_tooleval_v2_win_rate"));
    }
}
