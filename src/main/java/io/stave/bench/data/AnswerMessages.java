package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The chosen path of a raw answer file (spec/toolbench.md §2.6) as messages, for replaying its history. */
public final class AnswerMessages {

    private AnswerMessages() {}

    /** The last {@code answer_generation.train_messages} list: the whole chosen path. */
    public static List<Message> path(Path answerFile) {
        JsonNode answer = JsonFields.object(JsonFields.readFile(answerFile), answerFile, "$");
        JsonNode generation = JsonFields.object(answer.get("answer_generation"), answerFile, "$.answer_generation");
        JsonNode lists = generation.get("train_messages");
        if (lists == null || !lists.isArray() || lists.isEmpty()) {
            throw BadInputException.at(answerFile, "$.answer_generation.train_messages",
                    "a non-empty list of message lists (an answer without a valid path has none)");
        }
        int last = lists.size() - 1;
        JsonNode list = lists.get(last);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "$.answer_generation.train_messages[" + last + "][" + i + "]";
            try {
                messages.add(Message.fromJson(JsonFields.object(list.get(i), answerFile, path)));
            } catch (IllegalArgumentException e) {
                throw BadInputException.at(answerFile, path + ".role", "system, user, assistant, function or tool");
            }
        }
        return messages;
    }

    /** The path up to the prompt of assistant turn {@code steps + 1}: earlier turns with their results. */
    public static List<Message> afterSteps(Path answerFile, int steps) {
        List<Message> path = path(answerFile);
        int assistants = 0;
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).role() == Role.ASSISTANT && assistants++ == steps) {
                return List.copyOf(path.subList(0, i));
            }
        }
        if (steps < 0 || assistants < steps) {
            throw BadInputException.at(answerFile, "$.answer_generation.train_messages",
                    "at least " + steps + " assistant turns to replay (the path has " + assistants + ")");
        }
        return path;
    }
}
