package io.stave.tools;

import io.stave.bench.Query;
import io.stave.bench.schema.FunctionSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes one action of the model (toolbench.md §5.1–5.3): Finish locally, any other name by
 * suffix match against the function list and a call to the executor, then the observation cut
 * to {@code max_observation_length} code points plus "...".
 */
public final class ActionDispatcher {

    private final List<ActionTarget> functions;
    private final Executor executor;
    private final int maxObservationLength;

    public ActionDispatcher(List<ActionTarget> functions, Executor executor, int maxObservationLength) {
        // ToolBench also scans the Finish entry and then crashes on a suffix of "Finish"; stave skips it (§5.1).
        this.functions = functions.stream().filter(f -> !Finish.NAME.equals(f.name())).toList();
        this.executor = executor;
        this.maxObservationLength = maxObservationLength;
    }

    public ActionDispatcher(List<ActionTarget> functions, Executor executor) {
        this(functions, executor, Observations.DEFAULT_MAX_LENGTH);
    }

    /** The dispatcher for a query's function set (built by {@code FunctionSchemas.build}, one function per API). */
    public static ActionDispatcher of(Query query, FunctionSet functions, Executor executor, int maxObservationLength) {
        List<ActionTarget> targets = new ArrayList<>();
        for (int i = 0; i < functions.apis().size(); i++) {
            targets.add(ActionTarget.of(functions.apis().get(i), query.apis().get(i)));
        }
        return new ActionDispatcher(targets, executor, maxObservationLength);
    }

    /**
     * The observation for the model's call of {@code name} with the raw argument string
     * {@code arguments}; {@code episode} names the recording for cache replay (may be null).
     * Status 1 tells the caller to rename the call {@code invalid_hallucination_function_name}.
     */
    public Observation act(String name, String arguments, String episode) {
        Observation observation;
        if (Finish.NAME.equals(name)) {
            observation = Finish.observe(arguments);
        } else {
            ActionTarget function = match(name);
            observation = function == null
                    ? Observations.noSuchFunction(name)
                    : executor.execute(new ToolCall(function.category(), function.toolName(), function.apiName(), name,
                            arguments, function.api(), episode));
        }
        return observation.withText(Observations.truncate(observation.text(), maxObservationLength));
    }

    /** The first function whose name ends with {@code name} ({@code ""} matches the first function). */
    public ActionTarget match(String name) {
        for (ActionTarget function : functions) {
            if (function.name().endsWith(name)) {
                return function;
            }
        }
        return null;
    }
}
