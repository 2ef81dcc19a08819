package io.stave.llm;

import io.stave.bench.Profile;
import io.stave.bench.chat.Message;
import io.stave.bench.schema.FunctionSet;
import java.util.List;

/**
 * One model call of an agent.
 *
 * @param messages       the node's messages in order, {@code valid: false} ones included (OpenAI backends drop them,
 *                       ToolLLaMA renders them, spec/toolbench.md §4.4, §4.5.2)
 * @param functions      the functions offered, Finish last
 * @param profile        which request style and history conventions to reproduce
 * @param episode        {@code <group>/<qid>_<method>}: lets a replay find its recording; not part of cache keys
 * @param trial          the trial index (part of the cache key, harness.md §5)
 * @param noFunctionCall {@code function_call: "none"} (DFS ranking calls, §4.9)
 */
public record ChatRequest(
        List<Message> messages, FunctionSet functions, Profile profile, String episode, int trial,
        boolean noFunctionCall) {

    public ChatRequest {
        messages = List.copyOf(messages);
    }

    public ChatRequest withMessages(List<Message> newMessages) {
        return new ChatRequest(newMessages, functions, profile, episode, trial, noFunctionCall);
    }
}
