package io.stave.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A tool documentation file {@code toolenv/tools/<Category>/<standard name>.json} (spec/toolbench.md §2.4).
 *
 * @param categoryName the folder name
 * @param toolName     the raw {@code tool_name}
 * @param standardName the file name before its first dot: the name used in function names
 * @param description  {@code tool_description}, or {@code null} when absent or not a string
 * @param apis         the documented APIs
 * @param file         where it was read from
 */
public record Tool(String categoryName, String toolName, String standardName, String description, List<Api> apis, Path file) {

    public Tool {
        apis = List.copyOf(apis);
    }
}
