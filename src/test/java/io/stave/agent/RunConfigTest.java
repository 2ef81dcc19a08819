package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.Profile;
import io.stave.bench.prompt.HistoryStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run configs: precedence, profile defaults, unknown keys, and every shipped config (harness.md §2). */
class RunConfigTest {

    @Test
    void profile_defaults_fill_what_the_config_leaves_open() {
        RunConfig toolbench = RunConfig.resolve(List.of(), Map.of("profile", "toolbench"));
        assertThat(toolbench.history()).isEqualTo(HistoryStyle.TB_THOUGHT_ONLY);
        assertThat(toolbench.node("decode.toolllama_temperature").asDouble()).isEqualTo(0.5);
        assertThat(toolbench.integer("decode.max_new_tokens")).isEqualTo(512);

        RunConfig stable = RunConfig.resolve(List.of(), Map.of());
        assertThat(stable.profile()).isEqualTo(Profile.STABLETOOLBENCH);
        assertThat(stable.history()).isEqualTo(HistoryStyle.STB_GENERATION);
        assertThat(stable.integer("decode.max_new_tokens")).isEqualTo(1024);
        assertThat(stable.searchSettings()).isEqualTo(SearchSettings.DEFAULTS);
    }

    @Test
    void files_merge_left_to_right_and_set_overrides_them(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, "version: 1\nmethod: CoT@3\nagent: {max_query_count: 50, single_chain_max_step: 20}\n"
                + "prompt: {toolllama_history: training_format}\n");
        Files.writeString(b, "agent:\n  max_query_count: 60\n");

        RunConfig config = RunConfig.resolve(List.of(a, b), Map.of("agent.single_chain_max_step", "50"));

        assertThat(config.method().name()).isEqualTo("CoT@3");
        assertThat(config.searchSettings()).isEqualTo(new SearchSettings(50, 60, 1));
        assertThat(config.history()).isEqualTo(HistoryStyle.TRAINING_FORMAT);
        assertThat(config.toYaml()).contains("max_query_count: 60");
    }

    @Test
    void an_unknown_key_is_refused_with_the_closest_known_one(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "version: 1\nmetod: dfsdt\n");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(file), Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("c.yaml").hasMessageContaining("unknown config key 'metod'")
                .hasMessageContaining("did you mean 'method'");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("agent.depth", "3")))
                .hasMessageContaining("unknown config key 'agent.depth'");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("agent.max_query_count", "0")))
                .hasMessageContaining("agent.max_query_count").hasMessageContaining("positive integer");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("prompt.toolllama_history", "raw")))
                .hasMessageContaining("toolllama_history");
    }

    @Test
    void every_shipped_config_resolves_to_a_paper_row() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("configs"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(15);
        for (Path file : files) {
            RunConfig config = RunConfig.resolve(List.of(file), Map.of());
            String name = file.getFileName().toString();
            if (name.equals("quickstart.yaml")) {
                assertThat(config.text("model")).startsWith("replay:");
                continue;
            }
            assertThat(config.profile()).as(name)
                    .isEqualTo(name.startsWith("toolllm-") ? Profile.TOOLBENCH : Profile.STABLETOOLBENCH);
            assertThat(config.method().name()).as(name).isEqualTo(name.endsWith("-react.yaml") ? "CoT@1" : "DFS_woFilter_w2");
            assertThat(config.node("suite.groups")).as(name).hasSize(6);
            assertThat(config.text("model")).as(name).matches("(openai|toolllama):.+");
            assertThat(config.text("out")).isEqualTo("runs/" + name.replace(".yaml", ""));
            // DFSDT-Retriever rows: ToolBench's top-5 retrieval over the tool root; every other row is off.
            assertThat(config.retriever()).as(name).isEqualTo(name.endsWith("-retriever.yaml")
                    ? new RetrieverSetting("onnx:models/ToolBench_IR_bert_based_uncased/model.onnx,pooling=mean", 5,
                            "tools", null)
                    : null);
        }
    }
}
