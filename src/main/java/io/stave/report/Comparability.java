package io.stave.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether numbers may stand side by side (harness.md §8): runs reported together must share the
 * profile, evaluator version and judge (model and, where {@code stave eval} recorded it, judge SPEC);
 * a run compared with a published table named by {@code --against} must share its profile,
 * evaluator and judge model. Each difference is one line saying what differs.
 */
public final class Comparability {

    private Comparability() {}

    /** The differences that forbid a side-by-side report; empty when the report may be written. */
    public static List<String> conflicts(List<RunReader.RunRows> runs, List<PublishedTable> against) {
        List<String> conflicts = new ArrayList<>();
        if (runs.size() > 1) {
            differing(conflicts, runs, "profile", r -> r.provenance().profile());
            differing(conflicts, runs, "evaluator", r -> r.provenance().evaluator());
            differing(conflicts, runs, "judge model", r -> r.provenance().judgeModel());
            differing(conflicts, runs, "judge", r -> String.join(", ", new LinkedHashSet<>(r.recordedJudges().values())));
        }
        for (PublishedTable table : against) {
            for (RunReader.RunRows run : runs) {
                boolean sameMetric = run.rows().stream().anyMatch(row -> row.metric().key().equals(table.metric()));
                if (!sameMetric) {
                    continue; // nothing of this run goes beside that table
                }
                Provenance p = run.provenance();
                String where = p.runId() + " vs published " + table.id() + ": ";
                if (!Objects.equals(p.profile(), table.profile())) {
                    conflicts.add(where + "profile " + p.profile() + " vs " + table.profile());
                }
                if (p.evaluator() == null || table.evaluator() == null
                        || !lower(table.evaluator()).startsWith(lower(p.evaluator()))) {
                    conflicts.add(where + "evaluator " + p.evaluator() + " vs " + table.evaluator());
                }
                if (!ReportModel.sameJudge(p.judgeModel(), table.judgeModel())) {
                    conflicts.add(where + "judge model " + p.judgeModel() + " vs " + table.judgeModel());
                }
            }
        }
        return List.copyOf(conflicts);
    }

    private static void differing(List<String> conflicts, List<RunReader.RunRows> runs, String what,
            Function<RunReader.RunRows, String> value) {
        Set<String> values = new LinkedHashSet<>();
        runs.forEach(r -> values.add(value.apply(r) == null ? "" : value.apply(r)));
        if (values.size() > 1) {
            List<String> each = runs.stream()
                    .map(r -> r.provenance().runId() + "=" + (value.apply(r) == null || value.apply(r).isEmpty() ? "(none)" : value.apply(r)))
                    .toList();
            conflicts.add(what + " differs: " + String.join(", ", each));
        }
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
