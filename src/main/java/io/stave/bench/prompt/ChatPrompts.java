package io.stave.bench.prompt;

import io.stave.bench.Query;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.schema.TaskDescription;
import java.util.List;

/** The first two messages of every episode (spec/toolbench.md §4.1–§4.3). */
public final class ChatPrompts {

    private ChatPrompts() {}

    /** The system prompt with {@code {task_description}} replaced literally. */
    public static String system(String taskDescription) {
        return ToolBenchTexts.SYSTEM_PROMPT.replace("{task_description}", taskDescription);
    }

    /** The user prompt, {@code "\n<query>\nBegin!\n"}. */
    public static String user(String query) {
        return ToolBenchTexts.USER_PROMPT.replace("{input_description}", query);
    }

    /** {@code [system, user]} for a query. */
    public static List<Message> initial(Query query, ToolCatalog catalog) {
        return List.of(
                Message.system(system(TaskDescription.render(query, catalog))),
                Message.user(user(query.text())));
    }
}
