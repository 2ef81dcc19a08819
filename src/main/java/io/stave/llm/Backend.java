package io.stave.llm;

/**
 * A chat model as the agent sees it: messages and functions in, one assistant message and token
 * counts out. Implementations never throw for a failing endpoint: after their retries they return
 * {@link Reply#failure}, which the search records as ToolBench does (code -1).
 */
public interface Backend extends AutoCloseable {

    Reply complete(ChatRequest request);

    /**
     * What identifies the model's behaviour in cache keys and the manifest: the backend kind, the
     * model and every setting that changes its replies (never a key).
     */
    String id();

    /** Called when an episode starts (a replay restarts its recording); most backends ignore it. */
    default void beginEpisode(String episode) {}

    @Override
    default void close() {}
}
