package io.stave.bench;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ToolBench's name normalisation ({@code toolbench/utils.py}: {@code standardize},
 * {@code change_name}, {@code standardize_category}; spec/toolbench.md §3.1).
 */
public final class Names {

    // The original class [^\u4e00-\u9fa5^a-z^A-Z^0-9^_] keeps '^' itself; Java regexes match code points.
    private static final Pattern NOT_KEPT = Pattern.compile("[^\\u4e00-\\u9fa5\\^a-zA-Z0-9_]");
    private static final Pattern UNDERSCORES = Pattern.compile("_{2,}");
    private static final Set<String> RESERVED = Set.of("from", "class", "return", "false", "true", "id", "and");

    private Names() {}

    /** {@code standardize(s)}: {@code "1. Get ID"} → {@code "get_1_get_id"}. */
    public static String standardize(String s) {
        String kept = NOT_KEPT.matcher(s).replaceAll("_");
        String collapsed = UNDERSCORES.matcher(kept).replaceAll("_").toLowerCase(Locale.ROOT);
        int from = 0;
        int to = collapsed.length();
        while (from < to && collapsed.charAt(from) == '_') {
            from++;
        }
        while (to > from && collapsed.charAt(to - 1) == '_') {
            to--;
        }
        String stripped = collapsed.substring(from, to);
        if (!stripped.isEmpty() && stripped.charAt(0) >= '0' && stripped.charAt(0) <= '9') {
            return "get_" + stripped;
        }
        return stripped;
    }

    /** {@code change_name(n)}: Python keywords and {@code id} get an {@code is_} prefix. */
    public static String changeName(String name) {
        return RESERVED.contains(name) ? "is_" + name : name;
    }

    /** {@code change_name(standardize(api_name))}: the API name the tool server is called with. */
    public static String pureApiName(String apiName) {
        return changeName(standardize(apiName));
    }

    /** {@code standardize_category(c)}: {@code "Sports, Media/News"} → {@code "Sports_Media_News"}. */
    public static String standardizeCategory(String category) {
        String replaced = category.replace(' ', '_').replace(',', '_').replace('/', '_');
        // One left-to-right pass of str.replace("__", "_"): "___" becomes "__".
        return replaced.replace("__", "_");
    }
}
