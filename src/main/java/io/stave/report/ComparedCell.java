package io.stave.report;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One column of a row beside its published counterpart.
 *
 * @param column    the paper's column label ({@code I1-Inst} … {@code Average})
 * @param measured  the measured cell, or {@code null} when this group was not run
 * @param published the published value, or {@code null} when there is none to show
 * @param status    whether the two can be compared
 */
public record ComparedCell(String column, MeasuredCell measured, Double published, Status status) {

    public enum Status {
        /** Both numbers exist and the settings allow a comparison (possibly with a warning mark). */
        COMPARED,
        /** The published table has no value here (not transcribed, or no matching row). */
        NO_PUBLISHED,
        /** Profile or evaluator differ: the published value is withheld, marked "not comparable". */
        NOT_COMPARABLE,
        /** stave did not measure this group. */
        NOT_MEASURED
    }

    /** measured − published, in points, when compared. */
    public Double delta() {
        return status == Status.COMPARED ? measured.value() - published : null;
    }

    /** True when |Δ| is smaller than the half-width of the measured interval (harness.md §9.7). */
    public boolean withinNoise() {
        return status == Status.COMPARED && Math.abs(delta()) < measured.halfWidth();
    }

    /** The warning flags of the measured cell, in a fixed order. */
    public List<CellFlag> flags() {
        Set<CellFlag> flags = measured == null ? Set.of() : measured.flags();
        return flags.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
