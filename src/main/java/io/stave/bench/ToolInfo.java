package io.stave.bench;

/**
 * What the prompts need of a tool: the standard name used in function names and the description
 * printed in the task description ({@code null} prints as {@code None}, spec/toolbench.md §3.5).
 */
public record ToolInfo(String standardName, String description) {}
