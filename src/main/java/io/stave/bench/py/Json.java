package io.stave.bench.py;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON readers shared by stave, configured so that a decoded value keeps what Python's
 * {@code json.loads} keeps: object keys in insertion order (the last duplicate wins in the first
 * one's place), integers as integers of any size, floats as doubles ({@code "1.0"} stays a float).
 */
public final class Json {

    /** Standard JSON plus Python's {@code NaN}/{@code Infinity}; trailing data is an error. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** {@code json.loads(s, strict=False)}: raw control characters are accepted inside strings (§1.4). */
    public static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private Json() {}

    /** Strict parse of a JSON text; throws {@link PyJson.DecodeError} when it is not JSON. */
    public static JsonNode parse(String text) {
        return read(MAPPER, text);
    }

    /** {@code json.loads(s, strict=False)}; throws {@link PyJson.DecodeError} when it is not JSON. */
    public static JsonNode parseLenient(String text) {
        return read(LENIENT, text);
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new PyJson.DecodeError("Expecting value", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PyJson.DecodeError(e.getOriginalMessage(), e);
        }
    }
}
