package io.stave.bench.schema;

import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.ToolCatalog;
import io.stave.bench.ToolInfo;
import io.stave.bench.py.PyStrings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task description of the system prompt (spec/toolbench.md §3.5, §4.3): the fixed prefix, then
 * {@code <k>.<standard tool name>: <description>} for every distinct tool in first-seen order.
 */
public final class TaskDescription {

    private static final int DESCRIPTION_MAX = 512;

    private TaskDescription() {}

    public static String render(Query query, ToolCatalog catalog) {
        // A dict keyed by standard name: first position, last description (they are equal in practice).
        Map<String, String> tools = new LinkedHashMap<>();
        for (Api api : query.apis()) {
            ToolInfo tool = catalog.toolOf(api);
            tools.put(tool.standardName(), tool.description());
        }
        StringBuilder text = new StringBuilder(ToolBenchTexts.TASK_DESCRIPTION_PREFIX);
        int k = 1;
        for (Map.Entry<String, String> tool : tools.entrySet()) {
            text.append(k++).append('.').append(tool.getKey()).append(": ").append(line(tool.getValue())).append('\n');
        }
        return text.toString();
    }

    /** Cut to 512 code points, then drop newlines, then strip; empty or missing prints {@code None}. */
    static String line(String description) {
        if (description == null) {
            return "None";
        }
        String line = PyStrings.strip(PyStrings.head(description, DESCRIPTION_MAX).replace("\n", ""));
        return line.isEmpty() ? "None" : line;
    }
}
