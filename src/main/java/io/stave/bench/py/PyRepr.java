package io.stave.bench.py;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of JSON-like values (§1.2), for the texts that the
 * original code builds with {@code str(x)}: ToolLLaMA's function list, CSV cells, cache keys.
 */
public final class PyRepr {

    private PyRepr() {}

    /** {@code str(x)}: a string is itself, everything else is its repr. */
    public static String str(Object value) {
        return PyValues.kind(value) == PyValues.Kind.STR ? PyValues.string(value) : repr(value);
    }

    /** {@code repr(x)}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** {@code repr(s)} of a string: quote choice and escapes of CPython's {@code unicode_repr}. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        switch (PyValues.kind(value)) {
            case NONE -> out.append("None");
            case BOOL -> out.append(PyValues.bool(value) ? "True" : "False");
            case INT -> out.append(PyValues.integer(value));
            case FLOAT -> out.append(PyFloat.repr(PyValues.floating(value)));
            case STR -> appendQuoted(out, PyValues.string(value));
            case LIST -> appendItems(out, PyValues.items(value), "[", "]");
            case TUPLE -> {
                List<?> items = PyValues.items(value);
                appendItems(out, items, "(", items.size() == 1 ? ",)" : ")");
            }
            case DICT -> appendDict(out, PyValues.entries(value));
        }
    }

    private static void appendItems(StringBuilder out, List<?> items, String open, String close) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, items.get(i));
        }
        out.append(close);
    }

    private static void appendDict(StringBuilder out, Map<?, ?> entries) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> entry = it.next();
            append(out, entry.getKey());
            out.append(": ");
            append(out, entry.getValue());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        out.append('}');
    }

    private static void appendQuoted(StringBuilder out, String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7F) {
                hex(out, "\\x", cp, 2);
            } else if (cp < 0x7F) {
                out.append((char) cp);
            } else if (PyStrings.isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                hex(out, "\\x", cp, 2);
            } else if (cp <= 0xFFFF) {
                hex(out, "\\u", cp, 4);
            } else {
                hex(out, "\\U", cp, 8);
            }
        }
        out.append(quote);
    }

    static void hex(StringBuilder out, String prefix, int cp, int width) {
        String digits = Integer.toHexString(cp);
        out.append(prefix).append("0".repeat(width - digits.length())).append(digits);
    }
}
