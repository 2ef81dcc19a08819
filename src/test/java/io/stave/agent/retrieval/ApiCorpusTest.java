package io.stave.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Group;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.Suite;
import io.stave.bench.ToolRootFixture;
import io.stave.bench.data.Suites;
import io.stave.bench.data.ToolRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCorpusTest {

    @TempDir
    Path tmp;

    private static Suite g1Instruction() {
        return Suites.load(StableToolBenchData.solvableDir(), Group.G1_INSTRUCTION, null);
    }

    private static Api api(Suite suite, String queryId, String apiName) {
        return suite.get(queryId).apis().stream().filter(a -> a.name().equals(apiName)).findFirst().orElseThrow();
    }

    private static List<List<String>> keys(ApiCorpus corpus) {
        return corpus.apis().stream().map(a -> List.of(a.categoryName(), a.toolName(), a.name())).toList();
    }

    // Goldens: Python's process_retrieval_ducoment formula (ToolBench toolbench/utils.py) run on the same entries.
    @Test
    void document_is_toolbench_retriever_text_with_json_dumps_of_parameters_and_response_sketch() {
        Suite suite = g1Instruction();
        assertThat(ApiDocuments.text(api(suite, "588", "Songkick concert"))).isEqualTo(
                "Data, TheClique, Songkick concert, Concert info, required_params: [{\"name\": \"id_conc\", "
                        + "\"type\": \"string\", \"description\": \"\", \"default\": "
                        + "\"40698227-lumineers-at-aware-super-theatre\"}], optional_params: [], return_schema: "
                        + "{\"date\": \"str\", \"image\": \"str\", \"line_up\": [{\"link\": \"str\", \"name\": \"str\", "
                        + "\"_list_length\": 2}], \"location\": \"str\", \"name\": \"str\", \"venue_name\": \"str\", "
                        + "\"venue_url\": \"str\", \"website\": \"str\"}");
    }

    @Test
    void document_without_template_response_ends_with_an_empty_json_string() {
        Suite suite = g1Instruction();
        assertThat(ApiDocuments.text(api(suite, "608", "Get Channel Links"))).isEqualTo(
                "Data, Kick.com API | Kick API, Get Channel Links, Get Channel Links, required_params: [], "
                        + "optional_params: [{\"name\": \"channel_name\", \"type\": \"STRING\", \"description\": \"\", "
                        + "\"default\": \"gmhikaru\"}], return_schema: \"\"");
        // The description is concatenated raw; only the JSON parts escape non-ASCII.
        assertThat(ApiDocuments.text(api(suite, "16196", "Strommix"))).isEqualTo(
                "Energy, Regionalkonzept Strom Herkunft, Strommix, Resultierender Strommix nach Anwendung der "
                        + "regionalen \u00d6kostromerzeugung im Gebiet einer Postleitzahl., required_params: "
                        + "[{\"name\": \"postleitzahl\", \"type\": \"STRING\", \"description\": \"\", \"default\": "
                        + "\"69168\"}], optional_params: [], return_schema: \"\"");
    }

    @Test
    void suite_corpus_holds_each_distinct_api_of_the_queries_once() {
        Suite suite = g1Instruction();
        ApiCorpus corpus = ApiCorpus.fromSuites(List.of(suite));
        // 862 api_list entries in 163 queries, 820 distinct (category, tool, api) (counted with Python).
        assertThat(suite.queries().stream().mapToInt(q -> q.apis().size()).sum()).isEqualTo(862);
        assertThat(corpus.size()).isEqualTo(820);
        assertThat(keys(corpus)).doesNotHaveDuplicates();
        assertThat(corpus.apis()).isSortedAccordingTo(java.util.Comparator.comparing(Api::categoryName)
                .thenComparing(Api::toolName).thenComparing(Api::name));
        assertThat(corpus.description()).isEqualTo("suites G1_instruction");
        for (Query query : suite.queries()) {
            assertThat(keys(corpus)).containsAll(keys(ApiCorpus.of(query.apis(), "one query")));
        }
    }

    @Test
    void corpus_of_the_six_solvable_groups_holds_the_2490_apis_the_spec_counts() {
        ApiCorpus corpus = ApiCorpus.fromSuites(StableToolBenchData.solvableSuites());
        // spec/toolbench.md §2.1: 765 queries, 2,490 distinct APIs in 47 categories.
        assertThat(corpus.size()).isEqualTo(2490);
        assertThat(corpus.apis().stream().map(Api::categoryName).distinct().count()).isEqualTo(47);
    }

    @Test
    void tool_root_corpus_holds_every_documented_api() {
        Suite suite = g1Instruction();
        Path root = ToolRootFixture.write(tmp.resolve("tools"), suite.queries(), Map.of());
        ApiCorpus fromTools = ApiCorpus.fromToolRoot(ToolRoot.open(root));
        assertThat(keys(fromTools)).isEqualTo(keys(ApiCorpus.fromSuites(List.of(suite))));
        assertThat(fromTools.description()).isEqualTo("tool root " + root);
    }

    @Test
    void tool_file_under_a_name_a_runner_cannot_open_is_left_out() throws Exception {
        Suite suite = g1Instruction();
        Path root = ToolRootFixture.write(tmp.resolve("tools"), suite.queries().subList(0, 1), Map.of());
        Path file;
        try (var files = Files.walk(root)) {
            file = files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        Files.move(file, file.resolveSibling("Renamed Tool.json"));
        ApiCorpus corpus = ApiCorpus.fromToolRoot(ToolRoot.open(root));
        assertThat(corpus.description()).endsWith("(1 files not named standardize(tool_name) left out)");
        assertThat(corpus.size()).isLessThan(ApiCorpus.fromSuites(List.of(suite)).size());
    }

    @Test
    void empty_tool_root_is_a_bad_input() throws Exception {
        Files.createDirectories(tmp.resolve("empty/Data"));
        assertThatThrownBy(() -> ApiCorpus.fromToolRoot(ToolRoot.open(tmp.resolve("empty"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("tool documentation files");
    }
}
