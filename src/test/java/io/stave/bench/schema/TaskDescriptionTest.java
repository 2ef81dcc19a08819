package io.stave.bench.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.ExampleAnswers;
import io.stave.bench.Query;
import io.stave.bench.SpecBlocks;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.ToolCatalog;
import io.stave.bench.ToolRootFixture;
import io.stave.bench.data.DescriptionMap;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.data.ToolRoot;
import io.stave.bench.prompt.ChatPrompts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskDescriptionTest {

    @TempDir
    Path tools;

    /**
     * The tool descriptions are not in the shared folder, so they are read back from the answers'
     * tool lines and written into tool files padded with the whitespace and newlines that the
     * rules remove (cut at 512, drop newlines, strip).
     */
    @Test
    void example_queries_give_the_task_description_of_the_raw_answers_system_messages() {
        List<Query> queries = QueryFiles.read(StableToolBenchData.exampleQueries());
        Map<String, String> padded = new HashMap<>();
        for (Query query : queries) {
            ExampleAnswers.toolDescriptions(ExampleAnswers.systemMessage(query.id()))
                    .forEach((tool, description) -> padded.put(tool, " \n" + description.replaceFirst(" ", " \n") + "\n  "));
        }
        ToolRoot root = ToolRoot.open(ToolRootFixture.write(tools, queries, padded));
        for (Query query : queries) {
            String system = ExampleAnswers.systemMessage(query.id());
            String expected = system.substring(system.indexOf("Task description: ") + "Task description: ".length());
            assertThat(TaskDescription.render(query, root)).as("query %s", query.id()).isEqualTo(expected);
            assertThat(ChatPrompts.initial(query, root).getFirst().content()).isEqualTo(system);
        }
        Query query1073 = queries.stream().filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        assertThat(ChatPrompts.initial(query1073, root).getFirst().content())
                .isEqualTo(SpecBlocks.get("EXAMPLE_SYSTEM_MESSAGE_1073"));
    }

    @Test
    void tools_are_listed_once_in_first_seen_order_and_descriptions_are_cut_at_512() {
        Query query = new Query("1", "q", List.of(api("Zeta Tool", "a"), api("Alpha", "b"), api("Zeta Tool", "c")), List.of());
        String long600 = "x".repeat(511) + "\nyz" + "w".repeat(100);
        DescriptionMap map = new DescriptionMap(Map.of("zeta_tool", long600, "alpha", "  \n "));
        assertThat(TaskDescription.render(query, map)).isEqualTo(ToolBenchTexts.TASK_DESCRIPTION_PREFIX
                + "1.zeta_tool: " + "x".repeat(511) + "\n"
                + "2.alpha: None\n");
        assertThat(TaskDescription.render(query, ToolCatalog.NONE))
                .endsWith("You have access of the following tools:\n1.zeta_tool: None\n2.alpha: None\n");
    }

    @Test
    void a_tool_missing_from_the_tool_root_is_reported() {
        Query query = new Query("1", "q", List.of(api("Nowhere", "a")), List.of());
        ToolRoot root = ToolRoot.open(tools);
        assertThatThrownBy(() -> TaskDescription.render(query, root))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("Data/nowhere.json")
                .hasMessageContaining("$.tool_name");
    }

    private static Api api(String tool, String name) {
        return new Api("Data", tool, name, "", "GET", List.of(), List.of(), null);
    }
}
