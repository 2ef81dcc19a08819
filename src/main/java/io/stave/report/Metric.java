package io.stave.report;

import io.stave.BadInputException;
import java.util.Locale;

/** The metrics of the paper tables, named as in {@code published-results.json}. */
public enum Metric {
    PASS_RATE("pass_rate", "Pass rate"),
    WIN_RATE("win_rate", "Win rate"),
    SOPR("SoPR", "Solvable pass rate (SoPR)"),
    SOWR("SoWR", "Solvable win rate (SoWR)");

    private final String key;
    private final String title;

    Metric(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The name in the published file and in output file names ({@code pass_rate}, {@code SoPR}). */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public static Metric of(String key) {
        for (Metric metric : values()) {
            if (metric.key.equalsIgnoreCase(key) || metric.name().equalsIgnoreCase(key)) {
                return metric;
            }
        }
        throw new BadInputException("metric \"" + key + "\": expected one of pass_rate, win_rate, SoPR, SoWR");
    }

    /** File-name form: {@code pass_rate}, {@code sopr}. */
    public String fileStem() {
        return key.toLowerCase(Locale.ROOT);
    }
}
