package io.stave.bench.py;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-like values that the Python formatters accept, seen as Python sees them: Jackson nodes
 * and plain Java values (String, Integer/Long/BigInteger, Double/Float, Boolean, null, List, Map,
 * {@link PyTuple}) both map onto Python's str, int, float, bool, None, list, dict and tuple.
 */
final class PyValues {

    enum Kind { NONE, BOOL, INT, FLOAT, STR, LIST, TUPLE, DICT }

    private PyValues() {}

    static Kind kind(Object value) {
        return switch (value) {
            case null -> Kind.NONE;
            case JsonNode node -> switch (node.getNodeType()) {
                case NULL, MISSING -> Kind.NONE;
                case BOOLEAN -> Kind.BOOL;
                case NUMBER -> node.isIntegralNumber() ? Kind.INT : Kind.FLOAT;
                case STRING -> Kind.STR;
                case ARRAY -> Kind.LIST;
                case OBJECT -> Kind.DICT;
                case BINARY, POJO -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
            };
            case Boolean b -> Kind.BOOL;
            case Integer i -> Kind.INT;
            case Long l -> Kind.INT;
            case Short s -> Kind.INT;
            case Byte b -> Kind.INT;
            case BigInteger i -> Kind.INT;
            case Double d -> Kind.FLOAT;
            case Float f -> Kind.FLOAT;
            case BigDecimal d -> Kind.FLOAT;
            case CharSequence s -> Kind.STR;
            case PyTuple t -> Kind.TUPLE;
            case Collection<?> c -> Kind.LIST;
            case Map<?, ?> m -> Kind.DICT;
            default -> throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
        };
    }

    static boolean bool(Object value) {
        return value instanceof JsonNode node ? node.booleanValue() : (Boolean) value;
    }

    static BigInteger integer(Object value) {
        return switch (value) {
            case JsonNode node -> node.bigIntegerValue();
            case BigInteger i -> i;
            default -> BigInteger.valueOf(((Number) value).longValue());
        };
    }

    static double floating(Object value) {
        return value instanceof JsonNode node ? node.doubleValue() : ((Number) value).doubleValue();
    }

    static String string(Object value) {
        return value instanceof JsonNode node ? node.textValue() : value.toString();
    }

    /** Items of a list or tuple. */
    static List<?> items(Object value) {
        return switch (value) {
            case JsonNode node -> {
                List<JsonNode> items = new ArrayList<>(node.size());
                node.forEach(items::add);
                yield items;
            }
            case PyTuple tuple -> tuple.items();
            case Collection<?> c -> new ArrayList<>(c);
            default -> throw new IllegalArgumentException("not a sequence: " + value);
        };
    }

    /** Entries of a dict, in insertion order. */
    static Map<?, ?> entries(Object value) {
        if (value instanceof JsonNode node) {
            Map<String, JsonNode> entries = new LinkedHashMap<>();
            node.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
            return entries;
        }
        return (Map<?, ?>) value;
    }
}
