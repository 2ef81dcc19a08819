package io.stave.eval.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The DFS branch of {@code process_invalid_data}: the whole search tree hangs below the user node,
 * then every Action merges with its first Action Input child into a {@code tool} node (the input's
 * children move up, after the Action's other children) and every Thought becomes an
 * {@code assistant} node.
 */
final class DfsTree {

    private DfsTree() {}

    static void attach(Path file, ExecutionGraph.Node user, JsonNode root) {
        JsonNode children = root.path("children");
        for (JsonNode child : children) {
            user.next.add(build(child));
        }
        for (ExecutionGraph.Node node : user.next) {
            purify(file, node);
        }
    }

    /** The original keeps the raw node as message, with {@code children} set to None where there were some. */
    private static ExecutionGraph.Node build(JsonNode raw) {
        JsonNode children = raw.path("children");
        List<ExecutionGraph.Node> built = new ArrayList<>();
        for (JsonNode child : children) {
            built.add(build(child));
        }
        JsonNode message = raw;
        if (!built.isEmpty() && raw.isObject()) {
            ObjectNode copy = ((ObjectNode) raw).deepCopy();
            copy.putNull("children");
            message = copy;
        }
        ExecutionGraph.Node node = new ExecutionGraph.Node(raw.path("node_type").asText(), message);
        node.next.addAll(built);
        return node;
    }

    private static void purify(Path file, ExecutionGraph.Node node) {
        switch (node.role) {
            case "Action" -> {
                for (ExecutionGraph.Node child : node.next) {
                    if (child.role.equals("Action Input")) {
                        ExecutionGraph.Node merged = AnswerConverter.tool(
                                node.message.path("description"), child.message.path("description"),
                                AnswerConverter.observation(child.message));
                        node.role = merged.role;
                        node.message = merged.message;
                        node.next.remove(child);
                        node.next.addAll(child.next);
                        break;
                    }
                }
            }
            case "Thought" -> {
                node.role = "assistant";
                node.message = node.message.path("description");
            }
            case "Action Input", "system", "user" -> {}
            default -> throw BadInputException.at(file, "$.tree", "node types Action, Action Input or Thought, found '"
                    + node.role + "'");
        }
        for (ExecutionGraph.Node next : node.next) {
            purify(file, next);
        }
    }
}
