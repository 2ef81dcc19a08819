package io.stave.report;

import io.stave.BadInputException;
import java.util.EnumSet;
import java.util.Set;

/**
 * One measured value of a table, in percent, with its 95 % interval (harness.md §9).
 *
 * @param group the group file name or label ({@code G1_instruction}, {@code I1-Inst}), or {@code Avg}
 * @param value the point estimate in percent
 * @param lo    the lower end of the interval, in percent
 * @param hi    the upper end of the interval, in percent
 * @param n     the number of queries behind the value
 * @param flags caveats shown as warning marks
 */
public record MeasuredCell(String group, double value, double lo, double hi, int n, Set<CellFlag> flags) {

    public MeasuredCell {
        if (!PaperGroup.isAverage(group)) {
            group = PaperGroup.of(group).key();
        } else {
            group = PaperGroup.AVERAGE_KEY;
        }
        if (!(lo <= value && value <= hi) || Double.isNaN(value)) {
            throw new BadInputException("measured cell " + group + ": expected lo <= value <= hi, got "
                    + lo + " <= " + value + " <= " + hi);
        }
        if (n < 0) {
            throw new BadInputException("measured cell " + group + ": expected n >= 0, got " + n);
        }
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public MeasuredCell(String group, double value, double lo, double hi, int n) {
        this(group, value, lo, hi, n, Set.of());
    }

    /** Half the interval width: the noise floor of this value. */
    public double halfWidth() {
        return (hi - lo) / 2;
    }

    public boolean isAverage() {
        return PaperGroup.AVERAGE_KEY.equals(group);
    }
}
