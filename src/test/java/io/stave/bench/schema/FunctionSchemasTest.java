package io.stave.bench.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Api;
import io.stave.bench.Parameter;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FunctionSchemasTest {

    private static final SchemaOptions TOOLBENCH = SchemaOptions.of(Profile.TOOLBENCH);

    @Test
    void example_queries_build_exactly_the_available_tools_of_the_converted_answers() throws IOException {
        JsonNode converted = Json.parse(Files.readString(
                StableToolBenchData.example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json")));
        List<Query> queries = QueryFiles.read(StableToolBenchData.exampleQueries());
        assertThat(queries).extracting(Query::id).containsExactlyInAnyOrder("588", "608", "1073");
        for (Query query : queries) {
            ArrayNode built = FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH).toJson();
            JsonNode expected = converted.get(query.id()).get("available_tools");
            assertThat(built).as("functions of %s", query.id()).isEqualTo(expected);
            // Same bytes too, so key order and number types match.
            assertThat(PyJson.dumps(built)).isEqualTo(PyJson.dumps(expected));
        }
    }

    @Test
    void example_functions_equal_the_function_field_of_every_raw_answer() throws IOException {
        for (Query query : QueryFiles.read(StableToolBenchData.exampleQueries())) {
            JsonNode answer = Json.parse(Files.readString(StableToolBenchData.cotAnswer(query.id())));
            String built = PyJson.dumpsIndent(FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH).toJson(), 2);
            assertThat(built).isEqualTo(PyJson.dumpsIndent(answer.get("answer_generation").get("function"), 2));
        }
    }

    @Test
    void worked_example_of_query_1073_matches_the_spec() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        ObjectNode first = FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH).apis().getFirst().schema();
        assertThat(PyJson.dumps(first)).isEqualTo("{\"name\": \"popularsitesforquery_for_keyword_analysis\", "
                + "\"description\": \"This is the subfunction for tool \\\"keyword_analysis\\\", you can use this tool."
                + "The description of this function is: \\\"Get the **popular sites** for a given search query.\\\"\", "
                + "\"parameters\": {\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\", "
                + "\"description\": \"The user's search query string.\", \"example_value\": \"taylor swift\"}}, "
                + "\"required\": [\"q\"], \"optional\": []}}");
    }

    @Test
    void api_with_only_optional_parameters_gets_no_properties() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("608")).findFirst().orElseThrow();
        ToolFunction links = FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH)
                .byName("get_channel_links_for_kick_com_api_kick_api").orElseThrow();
        assertThat(query.apis().stream().filter(a -> a.name().equals("Get Channel Links")).findFirst().orElseThrow().optional())
                .isNotEmpty();
        assertThat(PyJson.dumps(links.schema().get("parameters")))
                .isEqualTo("{\"type\": \"object\", \"properties\": {}, \"required\": [], \"optional\": []}");
    }

    @Test
    void names_keep_the_last_64_code_points_and_descriptions_the_first_256() {
        String longName = "a".repeat(70);
        Api api = new Api("Data", "Tool", longName, "x".repeat(300) + " uses " + longName, "GET",
                List.of(new Parameter("id", "DATE (YYYY-MM-DD)", "d".repeat(300), Json.parse("\"\"")),
                        new Parameter("From", "NUMBER", "n", Json.parse("0"))),
                List.of(new Parameter("flag", "BOOLEAN", "b", Json.parse("false")),
                        new Parameter("id", "STRING", "again", Json.parse("null"))),
                null);
        ToolFunction function = FunctionSchemas.function(api, "tool", TOOLBENCH);
        String full = "a".repeat(70) + "_for_tool";
        assertThat(function.name()).isEqualTo(full.substring(full.length() - 64)).hasSize(64);
        assertThat(function.pureApiName()).isEqualTo(longName);
        String description = function.schema().get("description").textValue();
        assertThat(description).isEqualTo("This is the subfunction for tool \"tool\", you can use this tool."
                + "The description of this function is: \"" + "x".repeat(256) + "\"");
        assertThat(PyJson.dumps(function.schema().get("parameters"))).isEqualTo(
                "{\"type\": \"object\", \"properties\": {"
                        + "\"is_id\": {\"type\": \"string\", \"description\": \"again\", \"example_value\": null}, "
                        + "\"is_from\": {\"type\": \"integer\", \"description\": \"n\", \"example_value\": 0}, "
                        + "\"flag\": {\"type\": \"boolean\", \"description\": \"b\", \"example_value\": false}}, "
                        + "\"required\": [\"is_id\", \"is_from\"], \"optional\": [\"flag\", \"is_id\"]}");
    }

    @Test
    void description_replaces_the_raw_api_name_after_stripping_and_before_cutting() {
        Api api = new Api("Data", "T", "Get Quote", "  Use Get Quote to get a quote.\n", "GET", List.of(), List.of(), null);
        assertThat(FunctionSchemas.function(api, "t", TOOLBENCH).schema().get("description").textValue())
                .endsWith("The description of this function is: \"Use get_quote_for_t to get a quote.\"");
        Api blank = new Api("Data", "T", "Blank", " \n\u00a0", "GET", List.of(), List.of(), null);
        assertThat(FunctionSchemas.function(blank, "t", TOOLBENCH).schema().get("description").textValue())
                .isEqualTo("This is the subfunction for tool \"t\", you can use this tool.");
    }

    @Test
    void a_called_name_dispatches_to_the_first_function_ending_with_it_and_never_to_finish() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        FunctionSet functions = FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH);
        assertThat(functions.dispatch("querykeywords_for_keyword_analysis").orElseThrow().pureApiName()).isEqualTo("querykeywords");
        assertThat(functions.dispatch("keyword_analysis").orElseThrow().name()).isEqualTo("popularsitesforquery_for_keyword_analysis");
        assertThat(functions.dispatch("").orElseThrow().name()).isEqualTo("popularsitesforquery_for_keyword_analysis");
        assertThat(functions.dispatch("ish")).isEmpty();
        assertThat(functions.dispatch("no_such_function")).isEmpty();
    }

    @Test
    void stabletoolbench_wraps_functions_and_the_quirk_adds_empty_strings() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        SchemaOptions stb = SchemaOptions.of(Profile.STABLETOOLBENCH).withEmptyStringQuirk(true);
        ArrayNode tools = FunctionSchemas.build(query, ToolCatalog.NONE, stb).toJson();
        assertThat(tools).hasSize(4);
        assertThat(tools.get(0).get("type").textValue()).isEqualTo("function");
        assertThat(PyJson.dumps(tools.get(0).get("function").get("parameters").get("required"))).isEqualTo("[\"\", \"q\"]");
        assertThat(PyJson.dumps(tools.get(0).get("function").get("parameters").get("optional"))).isEqualTo("[\"\"]");
        assertThat(tools.get(3).get("function")).isEqualTo(FunctionSchemas.finish());
    }

    /**
     * ToolBench keeps the last 64 code points of a name, so in four solvable queries APIs whose full
     * names differ only at the start collide (e.g. Today/Tomorrow/Yesterday "Sure VIP BTTS/Goal Goal"
     * of 168predict). stave reproduces that, since the names are part of the prompts; everywhere
     * else names are unique within their query.
     */
    @Test
    void all_765_solvable_queries_build_functions_with_short_names_unique_but_for_the_64_tail_collisions() {
        int queries = 0;
        int entries = 0;
        int optionalOnly = 0;
        int ownNameInDescription = 0;
        Map<String, Set<String>> collisions = new TreeMap<>();
        for (Suite suite : StableToolBenchData.solvableSuites()) {
            for (Query query : suite.queries()) {
                queries++;
                FunctionSet functions = FunctionSchemas.build(query, ToolCatalog.NONE, TOOLBENCH);
                assertThat(functions.names().getLast()).isEqualTo("Finish");
                Map<String, String> fullNameByName = new HashMap<>();
                for (int i = 0; i < functions.apis().size(); i++) {
                    ToolFunction function = functions.apis().get(i);
                    Api api = query.apis().get(i);
                    entries++;
                    assertThat(function.name().codePointCount(0, function.name().length())).isLessThanOrEqualTo(64);
                    String fullName = function.pureApiName() + "_for_" + function.standardToolName();
                    String earlier = fullNameByName.putIfAbsent(function.name(), fullName);
                    if (earlier != null) {
                        assertThat(fullName).as("a collision comes from the cut, not from a repeated API")
                                .isNotEqualTo(earlier).hasSizeGreaterThan(64);
                        collisions.computeIfAbsent(suite.group().fileName() + "/" + query.id(), k -> new TreeSet<>())
                                .add(function.name());
                    }
                    if (api.required().isEmpty() && !api.optional().isEmpty()) {
                        optionalOnly++;
                        assertThat(function.schema().get("parameters").get("properties").isEmpty()).isTrue();
                    }
                    if (api.description().contains(api.name())) {
                        ownNameInDescription++;
                    }
                }
            }
        }
        // Counts stated in spec/toolbench.md §2.1 and §14.2.
        assertThat(queries).isEqualTo(765);
        assertThat(entries).isEqualTo(4070);
        assertThat(optionalOnly).isEqualTo(402);
        assertThat(ownNameInDescription).isEqualTo(607);
        assertThat(collisions).containsOnlyKeys(
                "G1_instruction/27847", "G1_instruction/79053", "G1_tool/9039", "G2_instruction/27543");
        assertThat(collisions.get("G1_instruction/27847")).containsExactly(
                "e_vip_btts_goal_goal_for_get_168predict_vip_football_predictions",
                "e_vip_over_1_5_goals_for_get_168predict_vip_football_predictions",
                "e_vip_over_2_5_goals_for_get_168predict_vip_football_predictions");
    }
}
