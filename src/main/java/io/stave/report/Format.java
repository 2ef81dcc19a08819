package io.stave.report;

import java.util.Locale;
import java.util.stream.Collectors;

/** Fixed number formatting for every rendering: percentages with one decimal, never "-0.0". */
final class Format {

    /** Marker for a difference smaller than the measured interval's half-width. */
    static final String WITHIN_NOISE = "≈";
    static final String NOT_COMPARABLE = "n/c";
    static final String NOTHING = "—";

    private Format() {}

    static String pct(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.equals("-0.0") ? "0.0" : text;
    }

    /** A difference with its sign: {@code +2.5}, {@code -1.0}, {@code 0.0}. */
    static String signed(double value) {
        String text = pct(value);
        return text.equals("0.0") || text.startsWith("-") ? text : "+" + text;
    }

    static String interval(MeasuredCell cell) {
        return "[" + pct(cell.lo()) + ", " + pct(cell.hi()) + "]";
    }

    static String marks(ComparedCell cell) {
        return cell.flags().stream().map(CellFlag::mark).collect(Collectors.joining());
    }

    /** "value [lo, hi]" with the warning marks, or the "nothing" dash. */
    static String measured(ComparedCell cell) {
        return cell.measured() == null ? NOTHING : pct(cell.measured().value()) + " " + interval(cell.measured()) + marks(cell);
    }

    static String published(ComparedCell cell) {
        return switch (cell.status()) {
            case NOT_COMPARABLE -> NOT_COMPARABLE;
            case COMPARED, NOT_MEASURED -> cell.published() == null ? NOTHING : pct(cell.published());
            case NO_PUBLISHED -> NOTHING;
        };
    }

    /** Δ with the noise marker, "n/c" when not comparable, else a dash. */
    static String delta(ComparedCell cell) {
        return switch (cell.status()) {
            case COMPARED -> signed(cell.delta()) + (cell.withinNoise() ? " " + WITHIN_NOISE : "");
            case NOT_COMPARABLE -> NOT_COMPARABLE;
            case NO_PUBLISHED, NOT_MEASURED -> NOTHING;
        };
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? NOTHING : text;
    }
}
