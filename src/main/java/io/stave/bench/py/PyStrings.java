package io.stave.bench.py;

/**
 * Python string operations on code points (§1.1): lengths, indices and slices count code points,
 * never UTF-16 units, and slices follow Python's clamping rules.
 */
public final class PyStrings {

    private PyStrings() {}

    /** {@code len(s)}. */
    public static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s[start:]}. */
    public static String slice(String s, int start) {
        return slice(s, start, Integer.MAX_VALUE);
    }

    /**
     * {@code s[start:end]}: a negative bound counts from the end, bounds are clamped to
     * {@code [0, len(s)]}, and an end at or before the start gives the empty string.
     */
    public static String slice(String s, int start, int end) {
        int n = len(s);
        int a = clamp(start, n);
        int b = clamp(end, n);
        if (b <= a) {
            return "";
        }
        int from = s.offsetByCodePoints(0, a);
        int to = s.offsetByCodePoints(from, b - a);
        return s.substring(from, to);
    }

    /** {@code s[:n]}: the first {@code n} code points (all of {@code s} when shorter). */
    public static String head(String s, int n) {
        return slice(s, 0, n);
    }

    /** {@code s[-n:]}: the last {@code n} code points (all of {@code s} when shorter). */
    public static String tail(String s, int n) {
        return n == 0 ? s : slice(s, -n);
    }

    /** {@code s.find(t)}: the code-point index of the first occurrence, or -1. */
    public static int find(String s, String t) {
        int at = s.indexOf(t);
        return at < 0 ? -1 : s.codePointCount(0, at);
    }

    /** {@code s.replace(old, new)}, including Python's rule for an empty {@code old}. */
    public static String replace(String s, String old, String replacement) {
        if (!old.isEmpty()) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
        return out.toString();
    }

    /** {@code s.strip()}: removes Python whitespace (§1.1) at both ends. */
    public static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.codePointAt(from))) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (to > from && isSpace(s.codePointBefore(to))) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    /** {@code str.isspace()} for one code point: category Zs, Zl, Zp, or bidi class WS, B, S. */
    public static boolean isSpace(int cp) {
        if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * {@code str.isprintable()} for one code point: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp
     * and for Zs other than the ASCII space.
     */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static int clamp(int index, int n) {
        int i = index < 0 ? index + n : index;
        return Math.max(0, Math.min(i, n));
    }
}
