package io.stave.eval.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.PyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * ToolEval's execution graph (ToolBench {@code evaluation/dataclass.py}): nodes with a role and a
 * message, ordered edges, reduced to one path by a random walk from the system node and written as
 * the nested {@code answer_details} chain of the converted format (§2.7).
 */
final class ExecutionGraph {

    /** One node; {@code next} keeps the edge insertion order, which the random walk indexes. */
    static final class Node {
        String role;
        JsonNode message;
        final List<Node> next = new ArrayList<>();

        Node(String role, JsonNode message) {
            this.role = role;
            this.message = message;
        }
    }

    private final Node system;

    /** The graph starts with the system node and the user node below it, as the converter's does. */
    ExecutionGraph(JsonNode systemMessage, JsonNode userMessage) {
        this.system = new Node("system", systemMessage);
        this.system.next.add(new Node("user", userMessage));
    }

    Node user() {
        return system.next.getFirst();
    }

    /**
     * {@code reduce_graph_to_sequence}: from the system node, {@code random.choice} among the
     * successors until a leaf. The original draws even when there is one successor, so the walk
     * consumes the generator exactly as Python does.
     */
    List<Node> randomWalk(PyRandom random) {
        List<Node> path = new ArrayList<>();
        Node node = system;
        path.add(node);
        while (!node.next.isEmpty()) {
            node = random.choice(node.next);
            path.add(node);
        }
        return path;
    }

    /** {@code convert_to_dict} of a path: system and user messages are blanked. */
    static ArrayNode toDetails(List<Node> path) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = null;
        ObjectNode previous = null;
        for (Node node : path) {
            ObjectNode json = nodes.objectNode();
            json.put("role", node.role);
            if (node.role.equals("system") || node.role.equals("user")) {
                json.put("message", "");
            } else {
                json.set("message", node.message == null ? nodes.nullNode() : node.message);
            }
            json.putArray("next");
            if (previous == null) {
                root = json;
            } else {
                ((ArrayNode) previous.get("next")).add(json);
            }
            previous = json;
        }
        ArrayNode details = nodes.arrayNode();
        details.add(root);
        return details;
    }
}
