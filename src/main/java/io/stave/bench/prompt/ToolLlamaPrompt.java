package io.stave.bench.prompt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.py.PyRepr;
import io.stave.bench.py.PyStrings;
import java.util.List;

/**
 * The ToolLLaMA text prompt (spec/toolbench.md §4.5): {@code <Label>: <content>\n} per message,
 * diversity prompts included, then {@code Assistant:\n}.
 */
public final class ToolLlamaPrompt {

    static final String SENTENCE = "with a function call to actually excute your step.";
    static final String FORMAT = SENTENCE + " Your output should follow this format:\nThought:\nAction\nAction Input:\n";
    static final String APIS = "\nSpecifically, you have access to the following APIs: ";

    private ToolLlamaPrompt() {}

    /**
     * Renders the prompt for the next assistant turn.
     *
     * @param messages  the node's messages in order, {@code valid: false} ones included
     * @param functions the plain function objects, Finish last
     * @param history   how assistant turns appear (§4.5.3)
     */
    public static String render(List<Message> messages, List<ObjectNode> functions, HistoryStyle history) {
        StringBuilder prompt = new StringBuilder();
        for (Message message : messages) {
            String content = switch (message.role()) {
                case SYSTEM -> functions.isEmpty() ? text(message) : system(text(message), functions);
                case ASSISTANT -> assistant(message, history);
                default -> text(message);
            };
            prompt.append(label(message)).append(": ").append(content).append('\n');
        }
        return prompt.append("Assistant:\n").toString();
    }

    /** The system message with the format sentence and {@code py_str(functions)} (§4.5.1). */
    public static String system(String content, List<ObjectNode> functions) {
        if (!content.contains(SENTENCE)) {
            throw new IllegalArgumentException("system message lacks the sentence '" + SENTENCE + "'");
        }
        return content.replace(SENTENCE, FORMAT) + APIS + PyRepr.repr(functions);
    }

    /**
     * The content an assistant turn stores after a generation: the thought (ToolBench), the stripped
     * generation (StableToolBench), or the thought to be rebuilt in training layout.
     */
    public static String storedContent(String generation, ReactOutput parsed, HistoryStyle history) {
        return history == HistoryStyle.STB_GENERATION ? PyStrings.strip(generation) : parsed.thought();
    }

    private static String assistant(Message message, HistoryStyle history) {
        FunctionCall call = message.call();
        if (history != HistoryStyle.TRAINING_FORMAT || call == null) {
            return text(message);
        }
        return "\nThought: " + text(message) + "\nAction: " + call.name() + "\nAction Input: " + call.arguments();
    }

    private static String label(Message message) {
        return switch (message.role()) {
            case SYSTEM -> "System";
            case USER -> "User";
            case ASSISTANT -> "Assistant";
            case FUNCTION, TOOL -> "Function";
        };
    }

    private static String text(Message message) {
        return message.content() == null ? "" : message.content();
    }
}
