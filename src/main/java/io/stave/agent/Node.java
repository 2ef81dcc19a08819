package io.stave.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of ToolBench's search tree (spec/toolbench.md §6.1). Mutable, as the search marks nodes
 * pruned, terminal and finished while it runs; every node keeps the message list visible at it.
 */
public final class Node {

    private final NodeType type;
    private final String description;
    private final Node father;
    private final int depth;
    private final List<Node> children = new ArrayList<>();
    private final List<Message> messages;
    private String observation = "";
    private Integer observationCode;
    private boolean pruned;
    private boolean terminal;
    private boolean finished;
    private int expandNum;

    private Node(NodeType type, String description, Node father, List<Message> messages) {
        this.type = type;
        this.description = description;
        this.father = father;
        this.depth = father == null ? 0 : father.depth + 1;
        this.messages = new ArrayList<>(messages);
    }

    /** The root: an {@code Action Input} node with an empty description and messages {@code [system, user]}. */
    public static Node root(List<Message> initial) {
        return new Node(NodeType.ACTION_INPUT, "", null, initial);
    }

    /** Appends a child that starts with a copy of this node's messages and the terminal flag of its environment. */
    public Node addChild(NodeType childType, String childDescription) {
        Node child = new Node(childType, childDescription, this, messages);
        child.terminal = terminal;
        children.add(child);
        return child;
    }

    /** {@code make_finish(k)}: marks this node and its ancestors finished, counting Action Input nodes down. */
    public void makeFinish(int backLength) {
        int k = backLength;
        for (Node node = this; node != null && k >= 0; node = node.father) {
            node.finished = true;
            if (node.type == NodeType.ACTION_INPUT) {
                k--;
            }
        }
    }

    /** The path from the root's first child down to this node (the root excluded). */
    public List<Node> chain() {
        List<Node> path = new ArrayList<>();
        for (Node node = this; node.father != null; node = node.father) {
            path.addFirst(node);
        }
        return path;
    }

    /** The number of nodes in this subtree, this node included. */
    public int size() {
        int size = 1;
        for (Node child : children) {
            size += child.size();
        }
        return size;
    }

    /** The largest depth in this subtree. */
    public int maxDepth() {
        int max = depth;
        for (Node child : children) {
            max = Math.max(max, child.maxDepth());
        }
        return max;
    }

    /**
     * The node as answer files write it (§2.6); {@code is_terminal} is always written {@code false},
     * as ToolBench does, and {@code children} only for the DFS tree.
     */
    public ObjectNode toJson(boolean withChildren) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("is_terminal", false);
        json.put("pruned", pruned);
        json.put("finished", finished);
        json.put("depth", depth);
        json.put("node_type", type.label());
        json.put("description", description);
        json.put("Elo", 1000.0);
        if (!observation.isEmpty()) {
            json.put("observation", observation);
        }
        if (observationCode != null) {
            json.put("observation_code", observationCode);
        }
        json.put("child_count", children.size());
        json.put("expand_num", expandNum);
        if (type == NodeType.ACTION_INPUT) {
            json.putObject("io_state");
        }
        if (withChildren) {
            ArrayNode array = json.putArray("children");
            children.forEach(child -> array.add(child.toJson(true)));
        }
        return json;
    }

    public NodeType type() {
        return type;
    }

    public String description() {
        return description;
    }

    public Node father() {
        return father;
    }

    public int depth() {
        return depth;
    }

    public List<Node> children() {
        return children;
    }

    /** The live message list of this node (the search appends to it). */
    public List<Message> messages() {
        return messages;
    }

    public String observation() {
        return observation;
    }

    public void observation(String text) {
        observation = text == null ? "" : text;
    }

    public Integer observationCode() {
        return observationCode;
    }

    public void observationCode(int code) {
        observationCode = code;
    }

    public boolean pruned() {
        return pruned;
    }

    public void prune() {
        pruned = true;
    }

    /** True on and below a successful {@code give_answer}: the episode's success flag (§6.1 step 4). */
    public boolean terminal() {
        return terminal;
    }

    public void markTerminal() {
        terminal = true;
    }

    public boolean finished() {
        return finished;
    }

    public int expandNum() {
        return expandNum;
    }

    public void expandNum(int order) {
        expandNum = order;
    }
}
