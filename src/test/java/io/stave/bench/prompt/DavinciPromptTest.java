package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.SpecBlocks;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DavinciPromptTest {

    @Test
    void first_turn_of_query_1073_equals_the_spec_rendering() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        List<Message> messages = ChatPrompts.initial(query, ToolCatalog.NONE);
        String prompt = DavinciPrompt.render(messages,
                FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH)).plain());
        assertThat(prompt).isEqualTo(SpecBlocks.get("DAVINCI_PROMPT_1073_TURN1"));
    }

    @Test
    void history_appends_thoughts_and_observations_and_braces_collapse_everywhere() {
        ObjectNode function = (ObjectNode) Json.parse("{\"name\": \"f\", \"description\": \"no marker here at all, "
                + "so the slice starts at 36\", \"parameters\": {\"type\": \"object\", \"properties\": {}}}");
        List<Message> messages = List.of(Message.system("S"), Message.user("\nuse {{x}}\nBegin!\n"),
                Message.assistant("thinking", new FunctionCall("f", "{}")), Message.function("f", "{\"r\": 1}"),
                Message.user("diversity").invalid());
        String prompt = DavinciPrompt.render(messages, List.of(function));
        assertThat(prompt).contains("f: starts at 36. Your input should be a json (args json schema): {} The Action");
        assertThat(prompt).contains("Question: \nuse {x}\nBegin!\n");
        assertThat(prompt).endsWith("Here are the history actions and observations:\n\nthinking\nObservation: {\"r\": 1}\n");
    }
}
