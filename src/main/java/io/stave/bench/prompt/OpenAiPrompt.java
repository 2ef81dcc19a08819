package io.stave.bench.prompt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSet;
import java.util.List;

/**
 * The chat request of an OpenAI function-calling backbone (spec/toolbench.md §4.4): the messages
 * without those marked {@code valid: false}, and the functions as {@code functions} (ToolBench) or
 * wrapped as {@code tools} (StableToolBench). Model and sampling settings belong to the backend.
 */
public final class OpenAiPrompt {

    private OpenAiPrompt() {}

    /** {@code {"messages": [...], "functions" | "tools": [...]}}. */
    public static ObjectNode request(List<Message> messages, FunctionSet functions, Profile profile) {
        ObjectNode request = Json.NODES.objectNode();
        ArrayNode sent = request.putArray("messages");
        for (Message message : messages) {
            if (!message.valid()) {
                continue;
            }
            ObjectNode json = message.toJson();
            if (profile == Profile.STABLETOOLBENCH) {
                // StableToolBench drops function_call keys from the history before sending.
                json.remove("function_call");
            }
            sent.add(json);
        }
        ArrayNode list = request.putArray(profile == Profile.STABLETOOLBENCH ? "tools" : "functions");
        for (ObjectNode function : functions.plain()) {
            list.add(profile == Profile.STABLETOOLBENCH ? FunctionSet.wrap(function) : function.deepCopy());
        }
        return request;
    }
}
