package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.py.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code stave retrieve} through the real command line on the StableToolBench G1_instruction solvable
 * queries with all-MiniLM-L6-v2. The 820 API embeddings are computed once and shared through the cache
 * in target/ (later tests and later builds read them back).
 */
class RetrieveCommandTest {

    private static final String CACHE = "target/test-embeddings";

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] g1(String... more) {
        List<String> args = new ArrayList<>(List.of("--suite", "G1_instruction", "--data",
                StableToolBenchData.solvableDir().toString(), "--embedding-cache", CACHE));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(Arrays.asList(head));
        all.addAll(Arrays.asList(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void eval_prints_recall_and_ndcg_at_5_per_group_and_overall() {
        Result result = run(concat(new String[] {"retrieve", "eval"}, g1()));
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("corpus    820 APIs from suites G1_instruction")
                .contains("recall@5").contains("NDCG@5");
        String row = result.out().lines().filter(l -> l.startsWith("G1_instruction")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        assertThat(cells).hasSize(6);
        assertThat(cells[1]).isEqualTo("163");
        assertThat(cells[2]).isEqualTo("163");
        assertThat(Double.parseDouble(cells[3])).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(cells[4])).isBetween(0.0, 1.0);
        assertThat(cells[5]).isEqualTo("0");
        String overall = result.out().lines().filter(l -> l.startsWith("overall")).findFirst().orElseThrow();
        assertThat(overall.substring("overall".length()).trim())
                .isEqualTo(row.substring("G1_instruction".length()).trim());
    }

    @Test
    void eval_json_reports_the_figures_and_recall_reaches_one_at_the_corpus_size() {
        JsonNode five = Json.parse(run(concat(new String[] {"retrieve", "eval"}, g1("--json"))).out());
        assertThat(five.get("retriever").asText()).startsWith("all-minilm-l6-v2");
        assertThat(five.get("corpus_size").asInt()).isEqualTo(820);
        assertThat(five.get("k").asInt()).isEqualTo(5);
        JsonNode group = five.get("groups").get(0);
        assertThat(group.get("group").asText()).isEqualTo("G1_instruction");
        assertThat(group.get("queries").asInt()).isEqualTo(163);
        assertThat(group.get("scored").asInt()).isEqualTo(163);
        assertThat(group.get("missing_relevant_apis").asInt()).isZero();
        assertThat(group.get("recall").asDouble()).isBetween(0.0, 1.0);
        assertThat(group.get("ndcg").asDouble()).isBetween(0.0, 1.0);
        assertThat(five.get("overall").get("recall").asDouble()).isEqualTo(group.get("recall").asDouble());

        // The corpus holds every relevant API, so with k = corpus size each query finds all of them.
        JsonNode all = Json.parse(run(concat(new String[] {"retrieve", "eval"}, g1("--json", "--k", "820"))).out());
        assertThat(all.get("k").asInt()).isEqualTo(820);
        assertThat(all.get("overall").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(all.get("overall").get("ndcg").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void query_prints_the_top_k_apis_with_descending_scores() {
        Result result = run(concat(new String[] {"retrieve", "query"},
                g1("--text", "Find concerts by the Lumineers", "--k", "3")));
        assertThat(result.code()).as(result.err()).isZero();
        List<String> rows = result.out().lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        double previous = 1.0;
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).trim().split("\\s+");
            assertThat(cells[0]).isEqualTo(String.valueOf(i + 1));
            double score = Double.parseDouble(cells[1]);
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
    }

    @Test
    void user_mistakes_print_one_line_and_exit_2() {
        Result unknownSuite = run("retrieve", "eval", "--suite", "G7_nothing", "--embedding-cache", CACHE);
        assertThat(unknownSuite.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unknownSuite.err()).startsWith("stave: ").hasLineCount(1);

        Result noSuite = run("retrieve", "eval", "--embedding-cache", CACHE);
        assertThat(noSuite.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(noSuite.err()).contains("--suite/--queries").hasLineCount(1);

        Result badModel = run(concat(new String[] {"retrieve", "eval"}, g1("--retriever", "onnx:missing.onnx")));
        assertThat(badModel.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(badModel.err()).contains("missing.onnx").hasLineCount(1);

        Result badCorpus = run(concat(new String[] {"retrieve", "query"}, g1("--text", "x", "--corpus", "tools")));
        assertThat(badCorpus.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(badCorpus.err()).contains("--corpus tools").hasLineCount(1);
    }
}
