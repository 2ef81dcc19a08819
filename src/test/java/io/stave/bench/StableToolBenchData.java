package io.stave.bench;

import io.stave.bench.data.Suites;
import io.stave.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Paths and loaders of the StableToolBench files in the shared folder (spec/toolbench.md §14). */
public final class StableToolBenchData {

    private StableToolBenchData() {}

    public static Path exampleQueries() {
        return Shared.stableToolBench().resolve("solvable_queries_example/test_instruction/G1_instruction.json");
    }

    public static Path example(String relative) {
        return Shared.stableToolBench().resolve("data_example").resolve(relative);
    }

    public static Path cotAnswer(String qid) {
        return example("answer/virtual_chatgpt_cot/G1_instruction/" + qid + "_CoT@1.json");
    }

    public static Path solvableDir() {
        return Shared.stableToolBench();
    }

    /** The 765 solvable test queries, group by group. */
    public static List<Suite> solvableSuites() {
        List<Suite> suites = new ArrayList<>();
        for (Group group : Group.values()) {
            suites.add(Suites.load(solvableDir(), group, null));
        }
        return suites;
    }
}
