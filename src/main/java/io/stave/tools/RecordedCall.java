package io.stave.tools;

/**
 * One tool call recorded in an answer file (toolbench.md §2.6): the {@code Action} node's function
 * name, the following {@code Action Input} node's raw arguments, observation and status.
 */
public record RecordedCall(String function, String arguments, String observation, int status) {}
