package io.stave.cli;

import io.stave.BadInputException;
import io.stave.buckets.Presets;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.Model;
import io.stave.AtomicFiles;
import io.stave.experiments.KvRetrieval;
import io.stave.experiments.KvRetrievalReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stave kv-retrieval}: the lost-in-the-middle key-value retrieval probe (attention-buckets.md
 * §7.1), accuracy by gold index for each single base and each bucket set.
 */
@Command(name = "kv-retrieval", mixinStandardHelpOptions = true,
        description = "Key-value retrieval accuracy by gold index, per single RoPE base and per bucket set.")
public final class KvRetrievalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "gguf:PATH, llama2c:PATH[,tokenizer=PATH] or hf:DIR.")
    String model;

    @Option(names = "--pairs", defaultValue = "20", paramLabel = "K", description = "Key-value pairs per prompt. Default: ${DEFAULT-VALUE}.")
    int pairs;

    @Option(names = "--positions", split = ",", paramLabel = "I",
            description = "Gold indices to sweep, 0-based, comma-separated. Default: every index.")
    List<Integer> positions;

    @Option(names = "--examples", defaultValue = "10", paramLabel = "N", description = "Examples per gold index. Default: ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the UUIDs and gold picks. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bases", split = ",", paramLabel = "B",
            description = "Single RoPE bases, each run alone. Default: the model's own base (when no --buckets).")
    List<Double> bases = new ArrayList<>();

    @Option(names = "--buckets", paramLabel = "PRESET|B1,B2,...",
            description = "A bucket set run together (repeatable), e.g. toolbench-6 or 10000,20000.")
    List<String> buckets = new ArrayList<>();

    @Option(names = "--pi-scale", paramLabel = "R", description = "Positional interpolation ratio. Default: the model's.")
    Double piScale;

    @Option(names = "--max-new-tokens", defaultValue = "100", description = "Greedy tokens per answer. Default: ${DEFAULT-VALUE}.")
    int maxNewTokens;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write kv-retrieval.md, .json, .png and .svg into DIR.")
    Path out;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Model loaded = ModelSpec.parse(model).load()) {
            KvRetrieval.Builder builder = KvRetrieval.builder(loaded).pairs(pairs).examples(examples).seed(seed)
                    .maxNewTokens(maxNewTokens);
            if (positions != null) {
                builder.positions(positions);
            }
            if (piScale != null) {
                builder.positionScale(piScale);
            }
            for (double base : bases) {
                if (!(base > 1)) {
                    throw new BadInputException("--bases: expected numbers above 1, got " + base);
                }
                builder.configuration("B=" + Presets.format(base), List.of(base));
            }
            for (String set : buckets) {
                builder.configuration(Presets.names().contains(set) ? set : "buckets " + set, Presets.parse(set));
            }
            PrintWriter err = spec.commandLine().getErr();
            KvRetrieval.Result result = builder.build().run(line -> {
                err.println(line);
                err.flush();
            });
            String table = KvRetrievalReport.table(result);
            String jsonText = JsonOutput.pretty(json(result));
            if (out != null) {
                AtomicFiles.write(out.resolve("kv-retrieval.md"), table.getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(out.resolve("kv-retrieval.json"), jsonText.getBytes(StandardCharsets.UTF_8));
                KvRetrievalReport.chart(result).write(out.resolve("kv-retrieval.png"));
                KvRetrievalReport.chart(result).write(out.resolve("kv-retrieval.svg"));
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(json ? jsonText + "\n" : table);
            stdout.flush();
        }
        return 0;
    }

    private Map<String, Object> json(KvRetrieval.Result result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model);
        root.put("pairs", result.pairs());
        root.put("examples", result.examples());
        root.put("seed", result.seed());
        root.put("piScale", result.positionScale());
        root.put("decoding", "greedy, " + maxNewTokens + " new tokens");
        root.put("positions", result.positions());
        root.put("distances", result.distances());
        root.put("promptTokens", result.promptTokens());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int c = 0; c < result.configurations().size(); c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", result.configurations().get(c).label());
            row.put("bases", result.configurations().get(c).bases());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (KvRetrieval.Cell cell : result.cells().get(c)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("accuracy", cell.accuracy());
                m.put("correct", cell.correct());
                m.put("examples", cell.examples());
                m.put("answers", cell.answers());
                cells.add(m);
            }
            row.put("cells", cells);
            rows.add(row);
        }
        root.put("configurations", rows);
        return root;
    }
}
