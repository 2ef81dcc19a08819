package io.stave.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Group;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuitesTest {

    @TempDir
    Path temp;

    @Test
    void all_six_stabletoolbench_groups_load_765_solvable_queries() {
        int total = 0;
        int[] expected = {163, 153, 158, 106, 124, 61};
        for (Group group : Group.values()) {
            Suite suite = Suites.load(StableToolBenchData.solvableDir(), group, null);
            assertThat(suite.group()).isEqualTo(group);
            assertThat(suite.queries()).as(group.fileName()).hasSize(expected[group.ordinal()]);
            Set<String> ids = new HashSet<>();
            suite.queries().forEach(q -> assertThat(ids.add(q.id())).isTrue());
            assertThat(ids).isEqualTo(QueryIds.read(StableToolBenchData.solvableDir()
                    .resolve("solvable_queries/test_query_ids/" + group.fileName() + ".json")));
            total += suite.queries().size();
        }
        assertThat(total).isEqualTo(765);
    }

    @Test
    void suites_resolve_by_group_name_or_paper_alias() {
        Path data = StableToolBenchData.solvableDir();
        assertThat(Suites.resolve("I1-Inst", data, null).queries()).hasSize(163);
        assertThat(Suites.resolve("i3-inst.", data, null).group()).isEqualTo(Group.G3_INSTRUCTION);
        assertThat(Suites.resolve("G2_category", data, null).queries()).hasSize(124);
        Suite example = Suites.resolve(StableToolBenchData.exampleQueries().toString(), data, null);
        assertThat(example.group()).isEqualTo(Group.G1_INSTRUCTION);
        assertThat(example.queries()).extracting(Query::id).containsExactlyInAnyOrder("588", "608", "1073");
        assertThat(example.get("1073").text()).startsWith("I want to plan");
    }

    @Test
    void the_test_id_file_selects_the_queries_and_must_name_only_present_ids() throws IOException {
        Path instruction = Files.createDirectories(temp.resolve("test_instruction"));
        Path ids = Files.createDirectories(temp.resolve("test_query_ids"));
        Files.writeString(instruction.resolve("G1_tool.json"),
                "[{\"query\": \"a\", \"query_id\": 1, \"api_list\": []}, {\"query\": \"b\", \"query_id\": 2, \"api_list\": []}]");
        Files.writeString(ids.resolve("G1_tool.json"), "{\"2\": 0}");
        assertThat(Suites.load(temp, Group.G1_TOOL, null).queries()).extracting(Query::id).containsExactly("2");
        Files.writeString(ids.resolve("G1_tool.json"), "{\"2\": 0, \"9\": 0}");
        assertThatThrownBy(() -> Suites.load(temp, Group.G1_TOOL, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("test_query_ids/G1_tool.json: $: expected only ids present in")
                .hasMessageEndingWith("missing there: [9]");
    }

    @Test
    void toolbench_data_zip_layout_is_found_under_data() throws IOException {
        Path instruction = Files.createDirectories(temp.resolve("data/test_instruction"));
        Files.writeString(instruction.resolve("G3_instruction.json"), "[{\"query\": \"a\", \"query_id\": 7, \"api_list\": []}]");
        assertThat(Suites.resolve("I3-Inst", temp, null).queries()).extracting(Query::id).containsExactly("7");
    }

    @Test
    void the_layout_of_stave_data_fetch_is_found_under_the_dataset_folder() throws IOException {
        Path solvable = temp.resolve("stabletoolbench-solvable/solvable_queries");
        Files.createDirectories(solvable.resolve("test_instruction"));
        Files.createDirectories(solvable.resolve("test_query_ids"));
        Files.writeString(solvable.resolve("test_instruction/G1_category.json"),
                "[{\"query\": \"a\", \"query_id\": 3, \"api_list\": []}, {\"query\": \"b\", \"query_id\": 4, \"api_list\": []}]");
        Files.writeString(solvable.resolve("test_query_ids/G1_category.json"), "{\"4\": 0}");
        assertThat(Suites.resolve("I1-Cat", temp, null).queries()).extracting(Query::id).containsExactly("4");
    }

    @Test
    void unknown_suites_and_ids_are_bad_input() {
        assertThatThrownBy(() -> Suites.resolve("G4_instruction", temp, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("G4_instruction: $: expected an existing query file, or a suite name (one of G1_instruction, I1-Inst");
        assertThatThrownBy(() -> Suites.resolve("G1_instruction", temp, null))
                .hasMessageContaining("solvable_queries/test_instruction/G1_instruction.json: $: expected the query file of suite G1_instruction (I1-Inst)");
        Suite example = Suites.resolve(StableToolBenchData.exampleQueries().toString(), temp, null);
        assertThatThrownBy(() -> example.get("42"))
                .hasMessageEndingWith("G1_instruction.json: $[*].query_id: expected a query with id 42 (the file has 3 queries)");
    }
}
