package io.stave.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's data as JSON, embedded in the HTML page: sorted keys, percentages rounded to one
 * decimal, and {@code <}, {@code >}, {@code &} written as {@code \}{@code u} escapes so the text is
 * safe inside a {@code <script>} element.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportJson() {}

    static String render(ReportModel model) {
        Map<String, Object> root = new TreeMap<>();
        root.put("title", model.title());
        List<Object> sections = new ArrayList<>();
        for (MetricSection section : model.sections()) {
            Map<String, Object> s = new TreeMap<>();
            s.put("metric", section.metric().key());
            List<Object> rows = new ArrayList<>();
            for (ComparedRow row : section.rows()) {
                Map<String, Object> r = new TreeMap<>();
                r.put("model", row.row().model());
                r.put("method", row.row().method());
                r.put("run", row.row().provenance().runId());
                r.put("published_table", row.table() == null ? null : row.table().id());
                r.put("published_row", row.publishedRow() == null ? null : row.publishedRow().displayName());
                r.put("not_comparable", row.notComparable());
                r.put("cells", row.cells().stream().map(ReportJson::cell).toList());
                rows.add(r);
            }
            s.put("rows", rows);
            sections.add(s);
        }
        root.put("sections", sections);
        List<Object> runs = new ArrayList<>();
        for (Provenance run : model.runs()) {
            Map<String, Object> p = new TreeMap<>();
            p.put("run", run.runId());
            p.put("profile", run.profile());
            p.put("evaluator", run.evaluator());
            p.put("judge_model", run.judgeModel());
            p.put("tools", run.tools());
            p.put("details", run.details());
            runs.add(p);
        }
        root.put("runs", runs);
        try {
            return MAPPER.writeValueAsString(root)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is plain maps and lists", e);
        }
    }

    private static Map<String, Object> cell(ComparedCell cell) {
        Map<String, Object> c = new TreeMap<>();
        c.put("column", cell.column());
        c.put("status", cell.status().name().toLowerCase(java.util.Locale.ROOT));
        c.put("published", round(cell.published()));
        c.put("delta", round(cell.delta()));
        c.put("within_noise", cell.withinNoise());
        if (cell.measured() != null) {
            c.put("value", round(cell.measured().value()));
            c.put("lo", round(cell.measured().lo()));
            c.put("hi", round(cell.measured().hi()));
            c.put("n", cell.measured().n());
            c.put("flags", cell.flags().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
        return c;
    }

    private static Double round(Double value) {
        return value == null ? null : Double.valueOf(Format.pct(value));
    }
}
