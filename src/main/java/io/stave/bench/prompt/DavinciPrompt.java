package io.stave.bench.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import io.stave.bench.py.PyRepr;
import io.stave.bench.py.PyStrings;
import java.util.List;
import java.util.Map;

/**
 * The single completion prompt of ToolBench's Text-Davinci-003 backbone (spec/toolbench.md §4.7).
 */
public final class DavinciPrompt {

    private static final String MARKER = "The description of this function is: ";
    private static final String FINISH_DESCRIPTION = "If you believe that you have obtained a result that can answer "
            + "the task, please call this function to provide the final answer. ALWAYS call this function at the end "
            + "of your attempt to answer the question finally.";
    private static final String FINISH_PARAMETERS = "\"return_type\": string, \"final_answer\": string, ";

    private DavinciPrompt() {}

    /**
     * The prompt: the template filled from the functions and the first user message, then the history
     * (assistant contents and observations; system and later user messages are not rendered).
     */
    public static String render(List<Message> messages, List<ObjectNode> functions) {
        String question = messages.stream().filter(m -> m.role() == Role.USER).findFirst()
                .map(Message::content).orElse("");
        StringBuilder funcStr = new StringBuilder();
        for (ObjectNode function : functions) {
            String name = function.get("name").textValue();
            boolean finish = name.contains("Finish");
            String description = finish ? FINISH_DESCRIPTION : description(function.get("description").textValue());
            String parameters = finish ? FINISH_PARAMETERS : parameters(function.get("parameters"));
            funcStr.append(name).append(": ").append(description)
                    .append(". Your input should be a json (args json schema): ").append(parameters)
                    .append(" The Action to trigger this API should be ").append(name)
                    .append(" and the input parameters should be a json dict string. Pay attention to the type of parameters.\n\n");
        }
        String funcList = PyRepr.repr(functions.stream().map(f -> f.get("name").textValue()).toList());
        String prompt = ToolBenchTexts.DAVINCI_TEMPLATE
                .replace("{func_str}", funcStr)
                .replace("{func_list}", funcList)
                .replace("{question}", question)
                // Applied to the whole prompt, so braces in descriptions and the query collapse too.
                .replace("{{", "{")
                .replace("}}", "}");
        StringBuilder history = new StringBuilder(prompt);
        for (Message message : messages) {
            if (message.role() == Role.ASSISTANT) {
                history.append('\n').append(message.content() == null ? "" : message.content()).append('\n');
            } else if (message.role() == Role.FUNCTION || message.role() == Role.TOOL) {
                history.append("Observation: ").append(message.content()).append('\n');
            }
        }
        return history.toString();
    }

    /** From after the marker to the end; without the marker Python's {@code find} gives -1, so from index 36. */
    private static String description(String description) {
        return PyStrings.slice(description, PyStrings.find(description, MARKER) + PyStrings.len(MARKER));
    }

    private static String parameters(JsonNode parameters) {
        StringBuilder text = new StringBuilder("{{");
        for (Map.Entry<String, JsonNode> property : parameters.path("properties").properties()) {
            text.append('"').append(property.getKey()).append("\": ")
                    .append(property.getValue().path("type").asText()).append(", ");
        }
        return text.append("}}").toString();
    }
}
