package io.stave.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.util.List;

/**
 * The raw answer file of one episode, in ToolBench's format (spec/toolbench.md §2.6): the CoT layout
 * ({@code trys}) or the DFS layout ({@code tree}), then {@code answer_generation}.
 */
public final class AnswerJson {

    private AnswerJson() {}

    /** The file's text: {@code py_json_indent(2)}, ASCII-escaped. */
    public static String render(ObjectNode answer) {
        return PyJson.dumpsIndent(answer, 2);
    }

    public static ObjectNode of(SearchResult result, Episode episode, String queryText) {
        return switch (result) {
            case ChainSearch.Result chain -> chain(chain, episode, queryText);
            case DepthFirstSearch.Result tree -> tree(tree, episode, queryText);
        };
    }

    private static ObjectNode chain(ChainSearch.Result result, Episode episode, String queryText) {
        Profile profile = episode.request().profile();
        ObjectNode json = Json.NODES.objectNode();
        json.put("win", result.win());
        json.put("try_count", result.tries().size());
        ArrayNode trys = json.putArray("trys");
        for (ChainSearch.Try t : result.tries()) {
            ObjectNode entry = trys.addObject();
            entry.set("chain", chainJson(t.leaf()));
            entry.put("win", t.win());
        }
        ArrayNode candidates = json.putArray("compare_candidates");
        result.candidates().forEach(node -> candidates.add(chainJson(node)));
        ObjectNode forward = json.putObject("forward_args");
        forward.put("single_chain_max_step", episode.settings().singleChainMaxStep());
        forward.put("pass_at", result.passAt());
        forward.put("answer", episode.settings().answer());
        ObjectNode generation = json.putObject("answer_generation");
        Node chosen = result.chosen();
        generation.put("valid_data", chosen != null);
        generation.put("final_answer", chosen == null ? "" : chosen.description());
        generation.set("function", episode.request().functions().toJson());
        generation.put("query_count", episode.counters().llmCalls());
        generation.put("total_tokens", episode.counters().totalTokens());
        generation.set("train_messages", trainMessages(chosen, profile));
        generation.putArray("chain");
        generation.put("query", queryText);
        return json;
    }

    private static ObjectNode tree(DepthFirstSearch.Result result, Episode episode, String queryText) {
        Profile profile = episode.request().profile();
        ObjectNode json = Json.NODES.objectNode();
        json.put("win", result.win());
        ObjectNode tree = json.putObject("tree");
        tree.put("size", result.root().size());
        tree.put("max_length", result.root().maxDepth() + 1);
        tree.set("tree", result.root().toJson(true));
        ObjectNode forward = json.putObject("forward_args");
        forward.put("single_chain_max_step", episode.settings().singleChainMaxStep());
        forward.put("tree_beam_size", result.width());
        forward.put("max_query_count", episode.settings().maxQueryCount());
        forward.put("answer", episode.settings().answer());
        forward.put("with_filter", result.withFilter());
        ArrayNode candidates = json.putArray("compare_candidates");
        result.candidates().forEach(node -> candidates.add(chainJson(node)));
        ObjectNode generation = json.putObject("answer_generation");
        Node chosen = result.chosen();
        generation.put("valid_data", chosen != null);
        generation.put("query_count", episode.counters().llmCalls());
        generation.put("total_tokens", episode.counters().totalTokens());
        generation.put("final_answer", chosen == null ? "" : chosen.description());
        generation.put("finish_type", result.finishType());
        generation.set("function", episode.request().functions().toJson());
        generation.putArray("chain");
        if (chosen != null) {
            generation.set("train_messages", trainMessages(chosen, profile));
        }
        generation.put("query", queryText);
        return json;
    }

    private static ArrayNode chainJson(Node leaf) {
        ArrayNode chain = Json.NODES.arrayNode();
        leaf.chain().forEach(node -> chain.add(node.toJson(false)));
        return chain;
    }

    private static ArrayNode trainMessages(Node chosen, Profile profile) {
        ArrayNode lists = Json.NODES.arrayNode();
        if (chosen == null) {
            return lists;
        }
        for (List<Message> messages : TrainMessages.of(chosen)) {
            ArrayNode list = lists.addArray();
            messages.forEach(message -> list.add(messageJson(message, profile)));
        }
        return lists;
    }

    /** StableToolBench drops {@code None}-valued keys from assistant messages; ToolBench writes {@code null}. */
    static ObjectNode messageJson(Message message, Profile profile) {
        ObjectNode json = message.toJson();
        if (profile == Profile.STABLETOOLBENCH && json.has("content") && json.get("content").isNull()) {
            json.remove("content");
        }
        return json;
    }
}
