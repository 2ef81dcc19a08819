package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.store.CanonicalJson;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The offline simulator ({@code simulate}): a reply built from the API's {@code template_response}
 * (a type sketch such as {@code {"name": "str", "score": "float"}}, toolbench.md §2.1), with values
 * drawn from a generator seeded by the call itself, so the same call always gives the same text
 * and no network is needed. Every observation it makes is marked simulated.
 */
public final class SchemaSimulator implements Executor {

    private static final int MAX_DEPTH = 8;

    private final ExecutorCounters counters = new ExecutorCounters();

    @Override
    public Observation execute(ToolCall call) {
        Observation observation = Observations.ofReply(reply(call), ObservationSource.SIMULATED, true);
        counters.record(observation);
        return observation;
    }

    /** The simulated reply {@code {"error": "", "response": …}} for a call. */
    public ObjectNode reply(ToolCall call) {
        SplittableRandom random = new SplittableRandom(seed(call));
        JsonNode template = call.api() == null ? null : call.api().templateResponse();
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("error", "");
        if (template == null || template.isNull() || template.isEmpty() && !template.isValueNode()) {
            ObjectNode response = reply.putObject("response");
            response.put("message", "Simulated response of " + call.apiName() + " (no response schema)");
            response.put("id", HexFormat.of().toHexDigits(random.nextLong()));
        } else {
            reply.set("response", value("value", template, random, 0));
        }
        return reply;
    }

    /** The first 8 bytes of SHA-256 over the call's coordinates and arguments. */
    static long seed(ToolCall call) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("category", call.category());
        key.put("tool", call.toolName());
        key.put("api", call.apiName());
        key.put("arguments", ToolCache.recordingArguments(call.arguments()));
        return Long.parseUnsignedLong(CanonicalJson.sha256Key(key).substring(0, 16), 16);
    }

    private static JsonNode value(String name, JsonNode template, SplittableRandom random, int depth) {
        if (depth > MAX_DEPTH) {
            return Json.NODES.nullNode();
        }
        if (template.isObject()) {
            ObjectNode object = Json.NODES.objectNode();
            template.properties().forEach(e -> object.set(e.getKey(), value(e.getKey(), e.getValue(), random,
                    depth + 1)));
            return object;
        }
        if (template.isArray()) {
            ArrayNode array = Json.NODES.arrayNode();
            if (!template.isEmpty()) {
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    array.add(value(name, template.get(i % template.size()), random, depth + 1));
                }
            }
            return array;
        }
        if (!template.isTextual()) {
            return template;
        }
        return switch (template.textValue()) {
            case "str" -> Json.NODES.textNode(name + "_" + HexFormat.of().toHexDigits(random.nextInt()));
            case "int" -> Json.NODES.numberNode(random.nextInt(1000));
            case "float" -> Json.NODES.numberNode(Math.round(random.nextDouble() * 1e4) / 100.0);
            case "bool" -> Json.NODES.booleanNode(random.nextBoolean());
            case "NoneType" -> Json.NODES.nullNode();
            case "list" -> Json.NODES.arrayNode();
            case "dict" -> Json.NODES.objectNode();
            default -> template;
        };
    }

    @Override
    public ExecutorCounters counters() {
        return counters;
    }
}
