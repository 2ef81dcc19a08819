package io.stave.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the raw answers of the StableToolBench worked example (spec/toolbench.md §14.1). */
public final class ExampleAnswers {

    private static final Pattern TOOL_LINE = Pattern.compile("\\n\\d+\\.([^:\\n]+): ([^\\n]*)(?=\\n)");

    private ExampleAnswers() {}

    public static JsonNode dfs(String qid) {
        return read("answer/virtual_chatgpt_dfs/G1_instruction/" + qid + "_DFS_woFilter_w2.json");
    }

    public static JsonNode cot(String qid) {
        return read("answer/virtual_chatgpt_cot/G1_instruction/" + qid + "_CoT@1.json");
    }

    /** The longest message list of {@code train_messages}: the whole chosen path. */
    public static List<Message> trainMessages(JsonNode answer) {
        JsonNode lists = answer.get("answer_generation").get("train_messages");
        JsonNode last = lists.get(lists.size() - 1);
        List<Message> messages = new ArrayList<>();
        last.forEach(m -> messages.add(Message.fromJson(m)));
        return messages;
    }

    /** The system message that ChatGPT received for this query (every example has one in its DFS answer). */
    public static String systemMessage(String qid) {
        return trainMessages(dfs(qid)).getFirst().content();
    }

    /** {@code standard tool name → description} read back from the tool lines of a system message. */
    public static java.util.Map<String, String> toolDescriptions(String systemMessage) {
        java.util.Map<String, String> descriptions = new java.util.LinkedHashMap<>();
        String tools = systemMessage.substring(systemMessage.indexOf("You have access of the following tools:") - 1);
        Matcher line = TOOL_LINE.matcher(tools);
        while (line.find()) {
            descriptions.put(line.group(1), line.group(2));
        }
        return descriptions;
    }

    private static JsonNode read(String relative) {
        try {
            return Json.parse(Files.readString(StableToolBenchData.example(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
