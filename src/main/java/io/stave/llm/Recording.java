package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The assistant turns recorded in one answer file (spec/toolbench.md §2.6), as a tree of turns: the
 * root's children are the first turns (the DFS root's expansions, or the first turn of every CoT
 * try), a turn's children the turns that followed it.
 *
 * <p>The search tree does not say whether a Thought and the Action after it were one reply or two.
 * A DFS file tells by {@code expand_num} (only the last node of a turn is expanded); a CoT file by
 * its {@code train_messages}, whose content-only assistant messages are separate turns.
 */
final class Recording {

    /** One recorded reply and the replies that followed it. */
    static final class Turn {
        final Message message;
        final int errorCode;
        final List<Turn> next = new ArrayList<>();

        Turn(Message message, int errorCode) {
            this.message = message;
            this.errorCode = errorCode;
        }

        /** Whether an assistant message of a request is this turn as the search stored it. */
        boolean matches(Message sent) {
            if (!Objects.equals(message.content(), sent.content())) {
                return false;
            }
            FunctionCall mine = message.call();
            FunctionCall theirs = sent.call();
            if (mine == null || theirs == null) {
                return mine == theirs;
            }
            // A hallucinated name was rewritten in the history (§5.1).
            return Objects.equals(mine.arguments(), theirs.arguments())
                    && (mine.name().equals(theirs.name()) || "invalid_hallucination_function_name".equals(theirs.name()));
        }
    }

    final Turn root = new Turn(null, 0);
    final long totalTokens;

    private Recording(long totalTokens) {
        this.totalTokens = totalTokens;
    }

    static Recording of(JsonNode answer) {
        JsonNode generation = answer.path("answer_generation");
        Recording recording = new Recording(generation.path("total_tokens").asLong(0));
        if (answer.has("tree")) {
            recording.turns(answer.path("tree").path("tree"), recording.root, Set.of(), true);
        } else {
            Set<String> thoughtsAlone = contentOnlyTurns(generation.path("train_messages"));
            for (JsonNode attempt : answer.path("trys")) {
                JsonNode chain = attempt.path("chain");
                recording.chainTurns(chain, 0, recording.root, thoughtsAlone);
            }
        }
        return recording;
    }

    /** The turns that start under the search node {@code node} (the root, or a turn's last node). */
    private void turns(JsonNode node, Turn parent, Set<String> thoughtsAlone, boolean dfs) {
        for (JsonNode child : node.path("children")) {
            turn(child, parent, thoughtsAlone, dfs);
        }
    }

    private void turn(JsonNode first, Turn parent, Set<String> thoughtsAlone, boolean dfs) {
        String type = first.path("node_type").asText();
        if (type.equals("Thought")) {
            String thought = first.path("description").asText();
            int error = first.path("observation_code").asInt(0);
            JsonNode children = first.path("children");
            boolean alone = children.isEmpty() || error != 0
                    || (dfs ? first.path("expand_num").asInt(0) != 0 : thoughtsAlone.contains(thought));
            if (alone) {
                Turn turn = new Turn(Message.assistant(thought, null), error);
                parent.next.add(turn);
                turns(first, turn, thoughtsAlone, dfs);
                return;
            }
            JsonNode action = children.get(0);
            JsonNode input = action.path("children").get(0);
            Turn turn = new Turn(Message.assistant(thought, call(action, input)), 0);
            parent.next.add(turn);
            turns(input, turn, thoughtsAlone, dfs);
        } else if (type.equals("Action")) {
            JsonNode input = first.path("children").get(0);
            Turn turn = new Turn(Message.assistant(null, call(first, input)), 0);
            parent.next.add(turn);
            turns(input, turn, thoughtsAlone, dfs);
        }
    }

    /** A CoT chain is a flat list; nest it and reuse the tree reading. */
    private void chainTurns(JsonNode chain, int from, Turn parent, Set<String> thoughtsAlone) {
        if (from >= chain.size()) {
            return;
        }
        ObjectNode nested = Json.NODES.objectNode();
        ObjectNode current = nested;
        for (int i = from; i < chain.size(); i++) {
            ObjectNode copy = ((ObjectNode) chain.get(i)).deepCopy();
            current.putArray("children").add(copy);
            current = copy;
        }
        turns(nested, parent, thoughtsAlone, false);
    }

    private static FunctionCall call(JsonNode action, JsonNode input) {
        return new FunctionCall(action.path("description").asText(), input == null ? "" : input.path("description").asText());
    }

    /** The contents of assistant messages without a call in the answer's last train_messages list. */
    private static Set<String> contentOnlyTurns(JsonNode trainMessages) {
        Set<String> alone = new HashSet<>();
        if (trainMessages.isEmpty()) {
            return alone;
        }
        for (JsonNode message : trainMessages.get(trainMessages.size() - 1)) {
            if ("assistant".equals(message.path("role").asText()) && !message.has("function_call")
                    && !message.has("tool_calls") && message.hasNonNull("content")) {
                alone.add(message.get("content").asText());
            }
        }
        return alone;
    }
}
