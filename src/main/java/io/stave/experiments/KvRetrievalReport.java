package io.stave.experiments;

import io.stave.buckets.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The key-value retrieval results as a Markdown table and as an accuracy-by-gold-index chart. */
public final class KvRetrievalReport {

    private KvRetrievalReport() {}

    /** One row per configuration, one column per gold index (accuracy in %), then the mean. */
    public static String table(KvRetrieval.Result result) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT,
                "Key-value retrieval: %d pairs, %d examples per gold index, seed %d, PI ratio %s, greedy%n%n",
                result.pairs(), result.examples(), result.seed(), Presets.format(result.positionScale())));
        md.append("| configuration | bases |");
        result.positions().forEach(p -> md.append(" ").append(p).append(" |"));
        md.append(" mean |\n|---|---|");
        result.positions().forEach(p -> md.append("---:|"));
        md.append("---:|\n");
        for (int c = 0; c < result.configurations().size(); c++) {
            KvRetrieval.Configuration configuration = result.configurations().get(c);
            md.append("| ").append(configuration.label()).append(" | ")
                    .append(String.join(", ", configuration.bases().stream().map(Presets::format).toList())).append(" |");
            double sum = 0;
            for (KvRetrieval.Cell cell : result.cells().get(c)) {
                md.append(String.format(Locale.ROOT, " %.1f |", 100 * cell.accuracy()));
                sum += cell.accuracy();
            }
            md.append(String.format(Locale.ROOT, " %.1f |%n", 100 * sum / result.positions().size()));
        }
        md.append("| *tokens from gold value to prompt end* | |");
        result.distances().forEach(d -> md.append(String.format(Locale.ROOT, " %.0f |", d)));
        md.append(" |\n");
        return md.toString();
    }

    /** Accuracy (%) against the gold index, one line per configuration, points marked. */
    public static LineChart chart(KvRetrieval.Result result) {
        List<LineChart.Series> series = new ArrayList<>();
        double[] x = result.positions().stream().mapToDouble(Integer::doubleValue).toArray();
        for (int c = 0; c < result.configurations().size(); c++) {
            double[] y = result.cells().get(c).stream().mapToDouble(cell -> 100 * cell.accuracy()).toArray();
            String label = result.configurations().get(c).label();
            series.add(new LineChart.Series(label, x, y, LineChart.Style.LINE, c, true));
            series.add(new LineChart.Series(label + " points", x, y, LineChart.Style.DOT_MARKS, c, false));
        }
        return new LineChart(String.format(Locale.ROOT, "Key-value retrieval, %d pairs", result.pairs()),
                "Gold key-value pair index (0-based)", "Accuracy (%)", series, -2.0, 102.0);
    }
}
