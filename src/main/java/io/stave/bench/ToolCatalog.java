package io.stave.bench;


/**
 * Where standard tool names and tool descriptions come from: a tool documentation root (the
 * ToolBench "white list"), a description map file, or nothing (spec/toolbench.md §2.4, §3.5).
 */
public interface ToolCatalog {

    /** No documentation: the standard name is {@code standardize(tool_name)}, the description {@code None}. */
    ToolCatalog NONE = api -> new ToolInfo(Names.standardize(api.toolName()), null);

    /**
     * The tool of this API. A catalog built from tool files throws {@link io.stave.BadInputException}
     * for a tool it does not hold (ToolBench skips such queries silently; stave reports them).
     */
    ToolInfo toolOf(Api api);

}
