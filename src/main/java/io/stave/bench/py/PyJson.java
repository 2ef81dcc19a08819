package io.stave.bench.py;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps} (§1.3): compact form with separators {@code ", "} and {@code ": "},
 * or indented with {@code indent=n} (separators {@code ","} and {@code ": "}), {@code ensure_ascii}
 * on or off, keys in insertion order, floats as Python's {@code repr(float)}, no trailing newline.
 */
public final class PyJson {

    /** {@code json.JSONDecodeError}: the text is not JSON. */
    public static final class DecodeError extends RuntimeException {
        public DecodeError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final int indent;
    private final boolean ensureAscii;

    private PyJson(int indent, boolean ensureAscii) {
        this.indent = indent;
        this.ensureAscii = ensureAscii;
    }

    /** {@code json.dumps(x)}. */
    public static String dumps(Object value) {
        return new PyJson(-1, true).render(value);
    }

    /** {@code json.dumps(x, ensure_ascii=ensureAscii)}. */
    public static String dumps(Object value, boolean ensureAscii) {
        return new PyJson(-1, ensureAscii).render(value);
    }

    /** {@code json.dumps(x, indent=n)}. */
    public static String dumpsIndent(Object value, int indent) {
        return dumpsIndent(value, indent, true);
    }

    /** {@code json.dumps(x, indent=n, ensure_ascii=ensureAscii)}. */
    public static String dumpsIndent(Object value, int indent, boolean ensureAscii) {
        if (indent < 0) {
            throw new IllegalArgumentException("indent must be >= 0: " + indent);
        }
        return new PyJson(indent, ensureAscii).render(value);
    }

    /** {@code json.loads(s, strict=False)} (§1.4); throws {@link DecodeError} when it is not JSON. */
    public static JsonNode loads(String text) {
        return Json.parseLenient(text);
    }

    /** {@code json.dumps(s)} of one string: the quoted, escaped JSON string. */
    public static String quote(String s, boolean ensureAscii) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        new PyJson(-1, ensureAscii).appendString(out, s);
        return out.toString();
    }

    private String render(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private void append(StringBuilder out, Object value, int level) {
        switch (PyValues.kind(value)) {
            case NONE -> out.append("null");
            case BOOL -> out.append(PyValues.bool(value) ? "true" : "false");
            case INT -> out.append(PyValues.integer(value));
            case FLOAT -> out.append(number(PyValues.floating(value)));
            case STR -> appendString(out, PyValues.string(value));
            case LIST, TUPLE -> appendList(out, PyValues.items(value), level);
            case DICT -> appendDict(out, PyValues.entries(value), level);
        }
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(x);
    }

    private void appendList(StringBuilder out, List<?> items, int level) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            separator(out, i == 0, level + 1);
            append(out, items.get(i), level + 1);
        }
        newline(out, level);
        out.append(']');
    }

    private void appendDict(StringBuilder out, Map<?, ?> entries, int level) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Iterator<? extends Map.Entry<?, ?>> it = entries.entrySet().iterator(); it.hasNext(); first = false) {
            Map.Entry<?, ?> entry = it.next();
            separator(out, first, level + 1);
            appendString(out, key(entry.getKey()));
            out.append(": ");
            append(out, entry.getValue(), level + 1);
        }
        newline(out, level);
        out.append('}');
    }

    /** Python converts non-string keys: {@code 1 → "1"}, {@code True → "true"}, {@code None → "null"}. */
    private static String key(Object key) {
        return switch (PyValues.kind(key)) {
            case STR -> PyValues.string(key);
            case INT -> PyValues.integer(key).toString();
            case FLOAT -> number(PyValues.floating(key));
            case BOOL -> PyValues.bool(key) ? "true" : "false";
            case NONE -> "null";
            default -> throw new IllegalArgumentException("keys must be str, int, float, bool or None: " + key);
        };
    }

    private void separator(StringBuilder out, boolean first, int level) {
        if (indent < 0) {
            if (!first) {
                out.append(", ");
            }
            return;
        }
        if (!first) {
            out.append(',');
        }
        newline(out, level);
    }

    private void newline(StringBuilder out, int level) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // UTF-16 units are exactly what ensure_ascii writes: astral characters as surrogate pairs.
                    if (c < 0x20 || (ensureAscii && c >= 0x7F)) {
                        PyRepr.hex(out, "\\u", c, 4);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
