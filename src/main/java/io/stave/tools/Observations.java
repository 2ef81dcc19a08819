package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyStrings;

/** The observation texts ToolBench's client makes (toolbench.md §5.1, §5.3). */
public final class Observations {

    /** {@code max_observation_length}: longer observations are cut to this many code points plus "...". */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    private Observations() {}

    /** {@code {"error": <error>, "response": ""}} as a reply object. */
    public static ObjectNode errorReply(String error) {
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("error", error);
        reply.put("response", "");
        return reply;
    }

    /** A server's reply: {@code py_json(reply)}, status from its {@code error} field (§7.2). */
    public static Observation ofReply(JsonNode reply, ObservationSource source, boolean simulated) {
        JsonNode error = reply.isObject() ? reply.get("error") : null;
        int status = error != null && error.isTextual() ? StatusCodes.ofServerError(error.textValue()) : StatusCodes.OK;
        return new Observation(PyJson.dumps(reply), status, source, 0, false, simulated, reply);
    }

    /** HTTP status other than 200 (status 12). */
    public static Observation httpError(int httpStatus) {
        return Observation.local(
                PyJson.dumps(errorReply("request invalid, data error. status_code=" + httpStatus)),
                StatusCodes.HTTP_ERROR);
    }

    /** A body that is not JSON, or no reply at all (status 12). */
    public static Observation undecodable() {
        return Observation.local(PyJson.dumps(errorReply("request invalid, data error")), StatusCodes.HTTP_ERROR);
    }

    /** Client timeout (StableToolBench's text, status 5). */
    public static Observation timeout() {
        return Observation.local(PyJson.dumps(errorReply("Timeout error...")), StatusCodes.TIMEOUT);
    }

    /** A called name that matches no function (status 1). */
    public static Observation noSuchFunction(String name) {
        return Observation.local(PyJson.dumps(errorReply("No such function name: " + name)),
                StatusCodes.HALLUCINATED_NAME);
    }

    /** Cuts {@code text} to {@code maxLength} code points and appends "..." when it is longer. */
    public static String truncate(String text, int maxLength) {
        if (PyStrings.len(text) > maxLength) {
            return PyStrings.head(text, maxLength) + "...";
        }
        return text;
    }
}
