package io.stave.quickstart;

import io.stave.eval.EvalFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what the quickstart wrote with what the example publishes: converted answers, pass-rate
 * and preference results, as JSON values (the published run order is thread completion order, so key
 * order is not compared).
 *
 * @param compared the published files compared
 * @param differing the published files the run's counterpart differs from; empty when all match
 */
public record ExampleCheck(List<String> compared, List<String> differing) {

    public ExampleCheck {
        compared = List.copyOf(compared);
        differing = List.copyOf(differing);
    }

    public boolean matches() {
        return differing.isEmpty();
    }

    static ExampleCheck of(Path dataExample, Path runDir) {
        String group = Quickstart.GROUP;
        List<String[]> pairs = new ArrayList<>();
        for (String model : List.of(Quickstart.COT, Quickstart.DFS)) {
            pairs.add(new String[] {"model_predictions_converted/" + model + "/" + group + ".json",
                "converted/" + model + "/" + group + ".json"});
            pairs.add(new String[] {"pass_rate_results/" + model + "/" + group + "_" + model + ".json",
                "eval/pass_rate/" + model + "/" + group + "_" + model + ".json"});
        }
        String preference = group + "_" + Quickstart.COT + "_" + Quickstart.DFS + ".json";
        pairs.add(new String[] {"preference_results/" + preference, "eval/preference/" + preference});
        List<String> compared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (String[] pair : pairs) {
            compared.add(pair[0]);
            if (!EvalFiles.readJson(dataExample.resolve(pair[0])).equals(EvalFiles.readJson(runDir.resolve(pair[1])))) {
                differing.add(pair[0]);
            }
        }
        return new ExampleCheck(compared, differing);
    }
}
