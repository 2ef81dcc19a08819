package io.stave.report;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of a published table. Rows name either {@code model} + {@code method} or one combined
 * {@code label} exactly as printed ({@code ChatGPT-DFSDT}, {@code GPT-3.5-Turbo-0613 (CoT)}).
 *
 * @param model        the model, or {@code null} for a combined label
 * @param method       the method, or {@code null} for a combined label
 * @param label        the combined label, or {@code null} when model and method are given apart
 * @param values       values in percent by group label ({@code I1-Inst} … {@code Avg}); a group
 *                     absent from the map was not transcribed (never zero)
 * @param std          population standard deviations over evaluation runs, where the source gives them
 * @param perMetric    values by metric key for rows that carry several metrics (the Attention
 *                     Buckets headline gives {@code pass_rate} and {@code win_rate})
 */
public record PublishedRow(String model, String method, String label, Map<String, Double> values,
        Map<String, Double> std, Map<String, Map<String, Double>> perMetric) {

    public PublishedRow {
        values = Map.copyOf(values);
        std = Map.copyOf(std);
        perMetric = Map.copyOf(perMetric);
    }

    /** How the source prints the row: the combined label, or "model method". */
    public String displayName() {
        return label != null ? label : model + " " + method;
    }

    /** The value of a group (any alias: {@code G1_instruction}, {@code I1-Inst.}, {@code Avg}), for a metric. */
    public OptionalDouble value(String metricKey, String group) {
        Map<String, Double> source = metricKey != null && perMetric.containsKey(metricKey) ? perMetric.get(metricKey) : values;
        Double value = source.get(labelOf(group));
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    public OptionalDouble value(String group) {
        return value(null, group);
    }

    public Optional<Double> stdOf(String group) {
        return Optional.ofNullable(std.get(labelOf(group)));
    }

    static String labelOf(String group) {
        return PaperGroup.isAverage(group) ? PaperGroup.AVERAGE_KEY : PaperGroup.of(group).label();
    }
}
