package io.stave.report;

import java.util.List;

/**
 * One published result table ({@code reference/published-results.json}, spec/toolbench.md §15).
 *
 * @param id         the table's key, used by {@code --against published:ID}
 * @param metric     {@code pass_rate}, {@code win_rate}, {@code SoPR}, {@code SoWR}, {@code FAC} …
 * @param evaluator  the evaluator version that produced it
 * @param judgeModel the judge model, as the source states it
 * @param profile    the stave compatibility profile that reproduces it
 * @param reference  the reference model of a win rate, or {@code null}
 * @param source     paper and/or repository file the numbers were transcribed from
 */
public record PublishedTable(String id, String benchmark, String metric, String evaluator, String judgeModel,
        String profile, String reference, String source, List<PublishedRow> rows) {

    public PublishedTable {
        rows = List.copyOf(rows);
    }
}
