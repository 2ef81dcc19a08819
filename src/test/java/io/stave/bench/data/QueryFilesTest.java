package io.stave.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.RelevantApi;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.ToolRootFixture;
import io.stave.bench.py.PyJson;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryFilesTest {

    @TempDir
    Path temp;

    private static Path toolBenchInstruction(String name) {
        return Shared.toolBench().resolve("data_example/instruction").resolve(name);
    }

    @Test
    void stabletoolbench_example_queries_load_with_their_documentation() {
        List<Query> queries = QueryFiles.read(StableToolBenchData.exampleQueries());
        Query q1073 = queries.stream().filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        assertThat(q1073.text()).startsWith("I want to plan a surprise birthday party");
        Api first = q1073.apis().getFirst();
        assertThat(first.categoryName()).isEqualTo("Data");
        assertThat(first.toolName()).isEqualTo("Keyword Analysis");
        assertThat(first.name()).isEqualTo("PopularSitesForQuery");
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.required()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("q");
            assertThat(p.type()).isEqualTo("STRING");
            assertThat(p.defaultValue().textValue()).isEqualTo("taylor swift");
        });
        assertThat(first.templateResponse()).isNotNull();
        assertThat(q1073.relevantApis()).isNotEmpty();
    }

    @Test
    void toolbench_training_style_files_load_with_ids_and_relevant_apis() {
        assertThat(QueryFiles.read(toolBenchInstruction("G1_query.json"))).extracting(Query::id)
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(QueryFiles.read(toolBenchInstruction("G2_query.json"))).extracting(Query::id).containsExactly("1", "2", "3");
        List<Query> g3 = QueryFiles.read(toolBenchInstruction("G3_query.json"));
        assertThat(g3).extracting(Query::id).containsExactly("1", "2");
        assertThat(g3.getFirst().relevantApis()).contains(new RelevantApi("The Cocktail DB", "List of Cocktails"));
        Query first = QueryFiles.read(toolBenchInstruction("G1_query.json")).getFirst();
        // " " is a whitespace-only description: the function has no description sentence.
        assertThat(first.apis().getFirst().description()).isEqualTo(" ");
        assertThat(FunctionSchemas.build(first, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH)).apis().getFirst()
                .schema().get("description").textValue())
                .isEqualTo("This is the subfunction for tool \"squake\", you can use this tool.");
    }

    @Test
    void minimal_entries_are_documented_from_the_tool_root_like_the_full_format() throws IOException {
        List<Query> full = QueryFiles.read(StableToolBenchData.exampleQueries());
        ToolRoot root = ToolRoot.open(ToolRootFixture.write(temp.resolve("tools"), full, Map.of()));
        // The minimal form of the same queries: api_list entries name the API only (spec §2.3).
        StringBuilder minimal = new StringBuilder("[");
        for (Query query : full) {
            minimal.append(minimal.length() > 1 ? ", " : "").append("{\"query\": ").append(PyJson.dumps(query.text()))
                    .append(", \"query_id\": ").append(query.id()).append(", \"api_list\": [");
            for (int i = 0; i < query.apis().size(); i++) {
                Api api = query.apis().get(i);
                minimal.append(i > 0 ? ", " : "").append("{\"category_name\": ").append(PyJson.dumps(api.categoryName()))
                        .append(", \"tool_name\": ").append(PyJson.dumps(api.toolName()))
                        .append(", \"api_name\": ").append(PyJson.dumps(api.name())).append("}");
            }
            minimal.append("]}");
        }
        Path file = temp.resolve("minimal.json");
        Files.writeString(file, minimal.append("]").toString());
        List<Query> looked = QueryFiles.read(file, root);
        SchemaOptions options = SchemaOptions.of(Profile.TOOLBENCH);
        for (int i = 0; i < full.size(); i++) {
            assertThat(FunctionSchemas.build(looked.get(i), root, options).toJson())
                    .isEqualTo(FunctionSchemas.build(full.get(i), ToolCatalog.NONE, options).toJson());
        }
    }

    @Test
    void inference_demo_needs_a_tool_root_and_an_undocumented_api_is_dropped() throws IOException {
        Path demo = toolBenchInstruction("inference_query_demo.json");
        assertThatThrownBy(() -> QueryFiles.read(demo))
                .isInstanceOf(BadInputException.class)
                .hasMessage(demo + ": $[0].api_list[0]: expected api_description and the parameter lists, "
                        + "or a tool root (--tools-root) documenting API 'Love Quote'");
        Path social = Files.createDirectories(temp.resolve("tools/Social"));
        Files.writeString(social.resolve("olato_quotes.json"), """
                {"tool_name": "Olato Quotes", "tool_description": "Quotes.", "api_list": [
                  {"name": "Love Quote", "description": "Love.", "method": "GET", "required_parameters": [],
                   "optional_parameters": [{"name": "quotes", "type": "STRING", "description": "", "default": "random"}]},
                  {"name": "Success Quote", "description": "Success.", "method": "GET", "required_parameters": [],
                   "optional_parameters": []}]}
                """);
        Query query = QueryFiles.read(demo, ToolRoot.open(temp.resolve("tools"))).getFirst();
        assertThat(query.id()).isEqualTo("82217");
        assertThat(query.apis()).extracting(Api::name).containsExactly("Love Quote", "Success Quote");
        assertThat(query.apis().getFirst().optional()).hasSize(1);
    }

    @Test
    void open_domain_queries_are_refused() {
        Path file = toolBenchInstruction("inference_query_demo_open_domain.json");
        assertThatThrownBy(() -> QueryFiles.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": $[0].api_list: expected an array of APIs (open-domain");
    }

    @Test
    void malformed_files_name_the_file_path_and_expectation() throws IOException {
        assertThatThrownBy(() -> QueryFiles.read(write("{\"query\": 1}")))
                .hasMessageEndingWith("q.json: $: expected an array of query objects");
        assertThatThrownBy(() -> QueryFiles.read(write("[{\"query\": \"x\", \"query_id\": \"7\", \"api_list\": []}]")))
                .hasMessageEndingWith("q.json: $[0].query_id: expected an integer");
        assertThatThrownBy(() -> QueryFiles.read(write("[{\"query_id\": 7, \"api_list\": []}]")))
                .hasMessageEndingWith("q.json: $[0].query: expected a string");
        assertThatThrownBy(() -> QueryFiles.read(write("[{\"query\": \"x\", \"query_id\": 7, \"api_list\": [{\"category_name\": \"D\", "
                + "\"tool_name\": \"T\", \"api_name\": \"A\", \"api_description\": \"\", \"required_parameters\": "
                + "[{\"name\": \"p\", \"type\": \"STRING\", \"description\": \"\"}], \"optional_parameters\": []}]}]")))
                .hasMessageEndingWith("q.json: $[0].api_list[0].required_parameters[0].default: expected a value");
        assertThatThrownBy(() -> QueryFiles.read(write("[{\"query\": \"x\",")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("q.json: $: expected valid JSON (");
        assertThatThrownBy(() -> QueryFiles.read(temp.resolve("absent.json")))
                .hasMessageEndingWith("absent.json: $: expected an existing file");
    }

    @Test
    void a_query_without_id_takes_its_position_as_toolbench_does() throws IOException {
        assertThat(QueryFiles.read(write("[{\"query\": \"a\", \"api_list\": []}, {\"query\": \"b\", \"api_list\": []}]")))
                .extracting(Query::id).containsExactly("0", "1");
    }

    private Path write(String text) throws IOException {
        Path file = temp.resolve("q.json");
        Files.writeString(file, text);
        return file;
    }
}
