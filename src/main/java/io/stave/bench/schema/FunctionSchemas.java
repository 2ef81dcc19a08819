package io.stave.bench.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Api;
import io.stave.bench.Names;
import io.stave.bench.Parameter;
import io.stave.bench.Query;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.ToolCatalog;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRepr;
import io.stave.bench.py.PyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds function objects exactly as ToolBench's {@code api_json_to_openai_json} does
 * (spec/toolbench.md §3.2), quirks included: no parameters at all when an API has no required one,
 * cut names and descriptions, and the Finish function last.
 */
public final class FunctionSchemas {

    private static final int NAME_MAX = 64;
    private static final int DESCRIPTION_MAX = 256;
    private static final Map<String, String> TYPES = Map.of("NUMBER", "integer", "STRING", "string", "BOOLEAN", "boolean");

    private FunctionSchemas() {}

    /** The functions of a query, Finish last. */
    public static FunctionSet build(Query query, ToolCatalog catalog, SchemaOptions options) {
        List<ToolFunction> functions = new ArrayList<>(query.apis().size());
        for (Api api : query.apis()) {
            functions.add(function(api, catalog.toolOf(api).standardName(), options));
        }
        return new FunctionSet(functions, finish(), options);
    }

    /** One API as a function; {@code standardToolName} is its tool's standard name (§2.4). */
    public static ToolFunction function(Api api, String standardToolName, SchemaOptions options) {
        String pureApiName = Names.pureApiName(api.name());
        String name = PyStrings.tail(pureApiName + "_for_" + standardToolName, NAME_MAX);
        ObjectNode schema = Json.NODES.objectNode();
        schema.put("name", name);
        schema.put("description", description(api, name, standardToolName));
        schema.set("parameters", parameters(api, options));
        return new ToolFunction(name, pureApiName, api.categoryName(), standardToolName, schema);
    }

    /** A fresh copy of the Finish function (§3.3). */
    public static ObjectNode finish() {
        return (ObjectNode) Json.parse(ToolBenchTexts.FINISH_FUNCTION_JSON);
    }

    private static String description(Api api, String name, String standardToolName) {
        String description = "This is the subfunction for tool \"" + standardToolName + "\", you can use this tool.";
        String stripped = PyStrings.strip(api.description());
        if (stripped.isEmpty()) {
            return description;
        }
        // strip, then replace the raw API name by the function name, then cut: the original order.
        String cut = PyStrings.head(PyStrings.replace(stripped, api.name(), name), DESCRIPTION_MAX);
        return description + "The description of this function is: \"" + cut + "\"";
    }

    private static ObjectNode parameters(Api api, SchemaOptions options) {
        ObjectNode parameters = Json.NODES.objectNode();
        parameters.put("type", "object");
        ObjectNode properties = parameters.putObject("properties");
        ArrayNode required = parameters.putArray("required");
        ArrayNode optional = parameters.putArray("optional");
        if (options.emptyStringQuirk()) {
            required.add("");
            optional.add("");
        }
        // Quirk kept from ToolBench: optional parameters are only emitted when a required one exists.
        if (!api.required().isEmpty()) {
            for (Parameter parameter : api.required()) {
                required.add(property(properties, parameter));
            }
            for (Parameter parameter : api.optional()) {
                optional.add(property(properties, parameter));
            }
        }
        return parameters;
    }

    /** Puts the parameter's property (a repeated key keeps its first position) and returns the key. */
    private static String property(ObjectNode properties, Parameter parameter) {
        String key = Names.changeName(Names.standardize(parameter.name()));
        ObjectNode property = Json.NODES.objectNode();
        property.put("type", TYPES.getOrDefault(parameter.type(), "string"));
        property.put("description", PyStrings.head(parameter.description(), DESCRIPTION_MAX));
        if (!PyRepr.str(parameter.defaultValue()).isEmpty()) {
            property.set("example_value", parameter.defaultValue().deepCopy());
        }
        properties.set(key, property);
        return key;
    }
}
