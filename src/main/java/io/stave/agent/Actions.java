package io.stave.agent;

/**
 * Executes the model's actions for one episode: Finish locally, tools through the tool environment
 * (spec/toolbench.md §5). Never throws for a failing tool; the failure is the observation.
 */
@FunctionalInterface
public interface Actions {

    /**
     * @param name      the function name as the model called it
     * @param arguments the raw argument string as the model wrote it
     */
    ActionOutcome act(String name, String arguments);
}
