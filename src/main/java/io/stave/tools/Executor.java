package io.stave.tools;

/**
 * Executes one tool call and returns the observation the model sees (toolbench.md §5.3, §7).
 *
 * <p>Implementations never throw for a failing tool: every failure becomes an observation with
 * its status code, as ToolBench does. They do throw {@link io.stave.BadInputException} for a
 * mistake of the user's that makes every call pointless (a missing key, a bad SPEC).
 */
@FunctionalInterface
public interface Executor extends AutoCloseable {

    Observation execute(ToolCall call);

    /** Error and source counters for the run manifest; empty when an executor keeps none. */
    default ExecutorCounters counters() {
        return ExecutorCounters.NONE;
    }

    /** Releases files and connections (the cache's SQLite file); calls after closing are not allowed. */
    @Override
    default void close() {}
}
