package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.ToolCall;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.py.PyJson;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiPromptTest {

    private static final Query QUERY = QueryFiles.read(StableToolBenchData.exampleQueries()).getFirst();

    @Test
    void toolbench_sends_functions_and_drops_invalid_messages() {
        FunctionSet functions = FunctionSchemas.build(QUERY, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        List<Message> messages = List.of(Message.system("S"), Message.user("U"), Message.user("diversity").invalid(),
                Message.assistant(null, new FunctionCall("f", "{}")), Message.function("f", "out"));
        ObjectNode request = OpenAiPrompt.request(messages, functions, Profile.TOOLBENCH);
        assertThat(PyJson.dumps(request.get("messages"))).isEqualTo("[{\"role\": \"system\", \"content\": \"S\"}, "
                + "{\"role\": \"user\", \"content\": \"U\"}, "
                + "{\"role\": \"assistant\", \"content\": null, \"function_call\": {\"name\": \"f\", \"arguments\": \"{}\"}}, "
                + "{\"role\": \"function\", \"name\": \"f\", \"content\": \"out\"}]");
        assertThat(request.get("functions")).isEqualTo(functions.toJson());
        assertThat(request.has("tools")).isFalse();
    }

    @Test
    void stabletoolbench_sends_wrapped_tools_and_tool_messages() {
        FunctionSet functions = FunctionSchemas.build(QUERY, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        List<Message> messages = List.of(Message.system("S"),
                Message.assistantWithTools("t", List.of(new ToolCall("ab12cd34", new FunctionCall("f", "{}")))),
                Message.tool("f", "out", "ab12cd34"));
        ObjectNode request = OpenAiPrompt.request(messages, functions, Profile.STABLETOOLBENCH);
        assertThat(PyJson.dumps(request.get("messages").get(1))).isEqualTo("{\"role\": \"assistant\", \"content\": \"t\", "
                + "\"tool_calls\": [{\"id\": \"ab12cd34\", \"type\": \"function\", \"function\": {\"name\": \"f\", \"arguments\": \"{}\"}}]}");
        assertThat(PyJson.dumps(request.get("messages").get(2)))
                .isEqualTo("{\"role\": \"tool\", \"name\": \"f\", \"content\": \"out\", \"tool_call_id\": \"ab12cd34\"}");
        assertThat(request.get("tools").get(0).get("type").textValue()).isEqualTo("function");
        assertThat(request.get("tools").get(0).get("function")).isEqualTo(functions.plain().getFirst());
        assertThat(request.get("tools")).hasSize(functions.plain().size());
    }
}
