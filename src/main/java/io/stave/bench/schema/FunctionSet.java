package io.stave.bench.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The functions of one query: one per API in {@code api_list} order, then Finish (spec/toolbench.md §3).
 *
 * @param apis    the API functions
 * @param finish  the plain Finish function object
 * @param options how {@link #toJson()} writes them
 */
public record FunctionSet(List<ToolFunction> apis, ObjectNode finish, SchemaOptions options) {

    public FunctionSet {
        apis = List.copyOf(apis);
    }

    /** The plain function objects, Finish last: what ToolLLaMA's prompt prints and OpenAI {@code functions} sends. */
    public List<ObjectNode> plain() {
        List<ObjectNode> all = new ArrayList<>(apis.size() + 1);
        apis.forEach(f -> all.add(f.schema()));
        all.add(finish);
        return all;
    }

    /** The list as the answer files' {@code function} field holds it: plain or wrapped per the options. */
    public ArrayNode toJson() {
        ArrayNode array = Json.NODES.arrayNode();
        for (ObjectNode function : plain()) {
            array.add(options.wrapped() ? wrap(function) : function.deepCopy());
        }
        return array;
    }

    /** The function names, Finish last. */
    public List<String> names() {
        return plain().stream().map(f -> f.get("name").textValue()).toList();
    }

    /** The first API function whose name is {@code name}. */
    public Optional<ToolFunction> byName(String name) {
        return apis.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The function a called name dispatches to (spec/toolbench.md §5.1): the first API function whose
     * name ends with it, so {@code ""} matches the first one. Finish is not scanned (the ToolBench code
     * scans it and then crashes on a suffix such as {@code ish}).
     */
    public Optional<ToolFunction> dispatch(String calledName) {
        return apis.stream().filter(f -> f.name().endsWith(calledName)).findFirst();
    }

    /** {@code {"type": "function", "function": <function>}}. */
    public static ObjectNode wrap(ObjectNode function) {
        ObjectNode wrapped = Json.NODES.objectNode();
        wrapped.put("type", "function");
        wrapped.set("function", function.deepCopy());
        return wrapped;
    }
}
