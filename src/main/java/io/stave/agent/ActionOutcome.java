package io.stave.agent;

/**
 * The result of one action of the model (spec/toolbench.md §5).
 *
 * @param observation the exact text the model sees next (already cut to {@code max_observation_length})
 * @param status      the status code of §5.4
 * @param source      where the reply came from: {@code live}, {@code cache}, {@code simulated}, {@code miss},
 *                    {@code local}
 */
public record ActionOutcome(String observation, int status, String source) {}
