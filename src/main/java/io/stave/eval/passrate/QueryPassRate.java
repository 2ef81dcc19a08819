package io.stave.eval.passrate;

import io.stave.eval.tooleval.Steps;
import java.util.List;
import java.util.Optional;

/**
 * The evaluations of one query: the passed/failed label counts and the runs in the order they were
 * recorded (run index order for stave's own evaluations; completion order in files read back).
 */
public record QueryPassRate(
        String qid, String query, List<String> toolNames, Steps steps, int passed, int failed, List<RunVerdict> runs) {

    public QueryPassRate {
        toolNames = List.copyOf(toolNames);
        runs = List.copyOf(runs);
    }

    /** ToolEval v2's rule: a query passes iff {@code failed <= passed} (ties pass). */
    public boolean passes() {
        return failed <= passed;
    }

    public Optional<RunVerdict> run(int index) {
        return runs.stream().filter(r -> r.run() == index).findFirst();
    }

    /** The run whose statuses the v2 files report: the last one (highest index). */
    public Optional<RunVerdict> lastRun() {
        return runs.stream().max(java.util.Comparator.comparingInt(RunVerdict::run));
    }
}
