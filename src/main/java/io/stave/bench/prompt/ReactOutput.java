package io.stave.bench.prompt;

/**
 * A ReAct generation split into its three parts (spec/toolbench.md §4.6).
 *
 * @param thought     the text after {@code Thought: }
 * @param action      the function name after {@code Action: }
 * @param actionInput the argument string after {@code Action Input: }
 */
public record ReactOutput(String thought, String action, String actionInput) {}
