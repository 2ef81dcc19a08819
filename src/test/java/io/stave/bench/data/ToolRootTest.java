package io.stave.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.Tool;
import io.stave.bench.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRootTest {

    @TempDir
    Path root;

    private static Api api(String tool) {
        return new Api("Data", tool, "x", "", "GET", List.of(), List.of(), null);
    }

    @Test
    void the_white_list_maps_standardized_tool_names_to_file_names_and_descriptions() throws IOException {
        Path data = Files.createDirectories(root.resolve("Data"));
        // The file name, not the tool name, is the standard name (ToolBench takes it up to the first dot).
        Files.writeString(data.resolve("kw_tool.v2.json"),
                "{\"tool_name\": \"Keyword Analysis\", \"tool_description\": \"Keywords.\", \"api_list\": []}");
        Files.writeString(data.resolve("silent.json"), "{\"tool_name\": \"Silent\", \"tool_description\": null, \"api_list\": []}");
        Files.writeString(data.resolve("notes.txt"), "not a tool");
        ToolRoot tools = ToolRoot.open(root);
        assertThat(tools.toolOf(api("Keyword Analysis"))).isEqualTo(new ToolInfo("kw_tool", "Keywords."));
        assertThat(tools.toolOf(api("silent"))).isEqualTo(new ToolInfo("silent", null));
        Query query = new Query("1", "q", List.of(api("Keyword Analysis"), api("Other Tool"), api("Other Tool")), List.of());
        assertThat(tools.missingTools(query)).containsExactly("Other Tool");
        assertThatThrownBy(() -> tools.toolOf(api("Other Tool")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("other_tool.json: $.tool_name: expected a tool file whose standardized tool_name is 'other_tool'");
    }

    @Test
    void tool_files_are_read_with_their_apis_and_looked_up_by_pure_api_name() throws IOException {
        Path social = Files.createDirectories(root.resolve("Social"));
        Files.writeString(social.resolve("quotes.json"), """
                {"tool_name": "Quotes", "tool_description": "Q.", "api_list": [
                  {"name": "Get ID", "description": "first", "method": "GET", "required_parameters": [], "optional_parameters": []},
                  {"name": "get-id", "description": "second", "method": "GET", "required_parameters": [], "optional_parameters": []}]}
                """);
        ToolRoot tools = ToolRoot.open(root);
        Tool tool = tools.tool("Social", "Quotes");
        assertThat(tool.standardName()).isEqualTo("quotes");
        assertThat(tool.apis()).hasSize(2);
        // Both standardize to get_id: the first match wins.
        assertThat(tools.api("Social", "Quotes", "GET ID").orElseThrow().description()).isEqualTo("first");
        assertThat(tools.api("Social", "Quotes", "Other")).isEmpty();
    }

    @Test
    void a_broken_tool_file_names_the_field() throws IOException {
        Path social = Files.createDirectories(root.resolve("Social"));
        Files.writeString(social.resolve("broken.json"), "{\"tool_name\": \"Broken\", \"api_list\": [{\"name\": \"a\"}]}");
        assertThatThrownBy(() -> ToolRoot.open(root).tool("Social", "Broken"))
                .hasMessageEndingWith("broken.json: $.api_list[0].description: expected a string");
    }

    @Test
    void a_description_map_must_hold_strings() throws IOException {
        Path file = root.resolve("map.json");
        Files.writeString(file, "{\"keyword_analysis\": \"Keywords.\", \"bad\": 3}");
        assertThatThrownBy(() -> DescriptionMap.read(file))
                .hasMessageEndingWith("map.json: $['bad']: expected a string (the tool description) or null");
        Files.writeString(file, "{\"keyword_analysis\": \"Keywords.\"}");
        assertThat(DescriptionMap.read(file).toolOf(api("Keyword Analysis"))).isEqualTo(new ToolInfo("keyword_analysis", "Keywords."));
        assertThat(DescriptionMap.read(file).toolOf(api("Else"))).isEqualTo(new ToolInfo("else", null));
    }
}
