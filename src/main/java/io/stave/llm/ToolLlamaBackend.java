package io.stave.llm;

import io.stave.bench.Profile;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.ToolCall;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.prompt.ReactOutput;
import io.stave.bench.prompt.ReactParser;
import io.stave.bench.prompt.ToolLlamaPrompt;
import java.util.List;

/**
 * ToolLLaMA over any {@link TextCompletion} (spec/toolbench.md §4.5): renders the ReAct text prompt,
 * completes it, and splits the generation with ToolBench's own parser, so a generation without
 * {@code Action:} gives the same odd function name ToolBench would try (and the tools answer it with
 * status 1). The stored content follows {@code prompt.toolllama_history} (§4.5.3, §12).
 */
public final class ToolLlamaBackend implements Backend {

    private final TextCompletion model;
    private final HistoryStyle history;

    public ToolLlamaBackend(TextCompletion model, HistoryStyle history) {
        this.model = model;
        this.history = history;
    }

    @Override
    public String id() {
        return "toolllama:" + model.id() + ",history=" + history.key();
    }

    /** The prompt this backend sends for a request. */
    public String prompt(ChatRequest request) {
        return ToolLlamaPrompt.render(request.messages(), request.functions().plain(), history);
    }

    @Override
    public Reply complete(ChatRequest request) {
        TextCompletion.Completion completion = model.complete(prompt(request));
        if (completion.error() != null) {
            return Reply.failure(completion.error());
        }
        String generation = completion.text();
        ReactOutput parsed = ReactParser.parse(generation);
        String content = ToolLlamaPrompt.storedContent(generation, parsed, history);
        FunctionCall call = new FunctionCall(parsed.action(), parsed.actionInput());
        Message message = request.profile() == Profile.STABLETOOLBENCH
                ? Message.assistantWithTools(content, List.of(new ToolCall("call_0", call)))
                : Message.assistant(content, call);
        return new Reply(message, 0, completion.promptTokens(), completion.completionTokens());
    }

    @Override
    public void close() {
        try {
            model.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + model.id(), e);
        }
    }
}
