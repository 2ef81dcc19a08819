package io.stave.agent;

import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.ToolCall;
import io.stave.llm.Backend;
import io.stave.llm.ChatRequest;
import io.stave.llm.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * One query being solved: the model, the actions, the limits and the counters, and the step both
 * searches share — asking the model at a node and growing the tree by that turn (spec/toolbench.md §6.1).
 */
public final class Episode {

    /** The name a hallucinated call is rewritten to in the history (§5.1). */
    public static final String HALLUCINATED = "invalid_hallucination_function_name";

    private final Backend backend;
    private final ChatRequest request;
    private final Actions actions;
    private final SearchSettings settings;
    private final long seed;
    private final Counters counters = new Counters();

    /**
     * @param request the first request: {@code [system, user]}, the functions, the profile, episode name and trial
     * @param seed    the episode's seed (the DFS give-up choice draws from it)
     */
    public Episode(Backend backend, ChatRequest request, Actions actions, SearchSettings settings, long seed) {
        this.backend = backend;
        this.request = request;
        this.actions = actions;
        this.settings = settings;
        this.seed = seed;
        backend.beginEpisode(request.episode());
    }

    /** A fresh root with the episode's first messages. */
    Node newRoot() {
        return Node.root(request.messages());
    }

    /** One model call on {@code messages}; counts it. */
    Reply ask(List<Message> messages) {
        Reply reply = backend.complete(request.withMessages(messages));
        counters.llmCalls++;
        counters.totalTokens += reply.totalTokens();
        counters.promptTokens += reply.promptTokens();
        counters.completionTokens += reply.completionTokens();
        if (reply.errorCode() != 0) {
            counters.llmFailures++;
            counters.lastFailure = reply.message().content();
        }
        return reply;
    }

    /** A ranking call ({@code function_call: "none"}, §4.9); counts towards {@code query_count}. */
    Reply askWithoutCalls(List<Message> messages) {
        ChatRequest ranking = new ChatRequest(messages, request.functions(), request.profile(), request.episode(),
                request.trial(), true);
        Reply reply = backend.complete(ranking);
        counters.llmCalls++;
        counters.totalTokens += reply.totalTokens();
        counters.promptTokens += reply.promptTokens();
        counters.completionTokens += reply.completionTokens();
        return reply;
    }

    /**
     * Grows the tree under {@code from} by one assistant turn and returns the last node created
     * ({@code from} itself when the turn has neither text nor call). Only the tree search marks the
     * path above an answer finished ({@code make_finish(2)}); ReAct leaves it unmarked.
     */
    Node apply(Node from, Reply reply, boolean markFinished) {
        Message message = reply.message();
        Node now = from;
        if (message.content() != null) {
            now = now.addChild(NodeType.THOUGHT, message.content());
            if (reply.errorCode() != 0) {
                now.observationCode(reply.errorCode());
                now.prune();
            }
        }
        List<FunctionCall> calls = calls(message);
        List<Message> results = new ArrayList<>();
        Message stored = message;
        for (int i = 0; i < calls.size(); i++) {
            FunctionCall call = calls.get(i);
            String arguments = call.arguments() == null ? "" : call.arguments();
            Node action = now.addChild(NodeType.ACTION, call.name());
            Node input = action.addChild(NodeType.ACTION_INPUT, arguments);
            ActionOutcome outcome = actions.act(call.name(), arguments);
            counters.tool(outcome);
            input.observation(outcome.observation());
            input.observationCode(outcome.status());
            String resultName = call.name();
            switch (outcome.status()) {
                case 4 -> input.prune();
                case 1 -> {
                    stored = renamed(stored, i);
                    resultName = HALLUCINATED;
                }
                case 3 -> {
                    input.markTerminal();
                    if (markFinished) {
                        input.makeFinish(2);
                    }
                }
                default -> {}
            }
            results.add(message.functionCall() != null
                    ? Message.function(resultName, outcome.observation())
                    : Message.tool(resultName, outcome.observation(), message.toolCalls().get(i).id()));
            now = input;
        }
        now.messages().add(stored);
        now.messages().addAll(results);
        return now;
    }

    static List<FunctionCall> calls(Message message) {
        if (message.functionCall() != null) {
            return List.of(message.functionCall());
        }
        return message.toolCalls().stream().map(ToolCall::function).toList();
    }

    private static Message renamed(Message message, int index) {
        if (message.functionCall() != null) {
            return Message.assistant(message.content(),
                    new FunctionCall(HALLUCINATED, message.functionCall().arguments()));
        }
        List<ToolCall> calls = new ArrayList<>(message.toolCalls());
        ToolCall call = calls.get(index);
        calls.set(index, new ToolCall(call.id(), new FunctionCall(HALLUCINATED, call.function().arguments())));
        return Message.assistantWithTools(message.content(), calls);
    }

    public Counters counters() {
        return counters;
    }

    public SearchSettings settings() {
        return settings;
    }

    public ChatRequest request() {
        return request;
    }

    public long seed() {
        return seed;
    }
}
