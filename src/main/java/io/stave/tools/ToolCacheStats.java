package io.stave.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tool cache holds, counted with SQL over its table (harness.md §5 {@code cache stats}):
 * entries by kind and source, and the APIs with the most replies.
 */
public final class ToolCacheStats {

    /** One row of a count: the grouping values and the count. */
    public record Row(List<String> labels, long count) {}

    private ToolCacheStats() {}

    /** Entries by kind (reply or recording) and source. */
    public static List<Row> bySource(ToolCache cache) {
        return rows(cache, "SELECT CASE json_extract(key_json, '$.kind') WHEN 'tool' THEN 'reply' ELSE 'recording' END"
                + " AS kind, source, count(*) FROM {table} GROUP BY kind, source ORDER BY kind, source", 2);
    }

    /** Replies per API ({@code category/tool_dir/api_name}), most first. */
    public static List<Row> byApi(ToolCache cache, int limit) {
        return rows(cache, "SELECT json_extract(key_json, '$.category') || '/' || json_extract(key_json, '$.tool_dir')"
                + " || '/' || json_extract(key_json, '$.api_name') AS api, count(*) AS n FROM {table}"
                + " WHERE json_extract(key_json, '$.kind') = 'tool' GROUP BY api ORDER BY n DESC, api LIMIT " + limit, 1);
    }

    /** Replies by server error class ({@code ""} = success), the status codes a replay would give. */
    public static List<Row> byError(ToolCache cache) {
        return rows(cache, "SELECT json_extract(value, '$.error') AS error, count(*) FROM {table}"
                + " WHERE json_extract(key_json, '$.kind') = 'tool' GROUP BY error ORDER BY count(*) DESC, error", 1);
    }

    private static List<Row> rows(ToolCache cache, String sql, int labels) {
        return cache.table().query(sql, result -> {
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= labels; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(new Row(values, result.getLong(labels + 1)));
            }
            return rows;
        });
    }
}
