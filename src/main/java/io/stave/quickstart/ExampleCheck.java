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

    private record Pair(String published, Path ours) {}

    /** The example's files against the CoT run's and the DFS run's (which holds the win rate). */
    static ExampleCheck of(Path dataExample, Path cotRun, Path dfsRun) {
        String group = Quickstart.GROUP;
        List<Pair> pairs = new ArrayList<>();
        for (String model : List.of(Quickstart.COT, Quickstart.DFS)) {
            Path run = model.equals(Quickstart.COT) ? cotRun : dfsRun;
            pairs.add(new Pair("model_predictions_converted/" + model + "/" + group + ".json",
                run.resolve("converted/" + model + "/" + group + ".json")));
            pairs.add(new Pair("pass_rate_results/" + model + "/" + group + "_" + model + ".json",
                run.resolve("eval/pass_rate/" + model + "/" + group + "_" + model + ".json")));
        }
        String preference = group + "_" + Quickstart.COT + "_" + Quickstart.DFS + ".json";
        pairs.add(new Pair("preference_results/" + preference, dfsRun.resolve("eval/preference/" + preference)));
        List<String> compared = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Pair pair : pairs) {
            compared.add(pair.published());
            if (!EvalFiles.readJson(dataExample.resolve(pair.published())).equals(EvalFiles.readJson(pair.ours()))) {
                differing.add(pair.published());
            }
        }
        return new ExampleCheck(compared, differing);
    }
}
