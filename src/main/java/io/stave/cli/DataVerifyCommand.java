package io.stave.cli;

import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import io.stave.bench.datasets.Verification;
import io.stave.bench.datasets.Verification.State;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code stave data verify [NAME...]}: re-hashes the files present; exit 1 names every mismatch. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-hash the dataset files present and compare with the manifest."
                + " Exit code 1 when a file differs (each one is named).")
final class DataVerifyCommand implements Callable<Integer> {

    /** Exit code when a present file differs from its pinned hash or size. */
    static final int EXIT_MISMATCH = 1;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Datasets to verify (default: all).")
    List<String> names = new ArrayList<>();

    @Mixin
    DataOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetManifest manifest = options.loadManifest();
        DatasetStore store = options.store();
        List<Dataset> datasets = names.isEmpty() ? manifest.datasets() : manifest.select(names);
        int mismatches = 0;
        for (Dataset dataset : datasets) {
            Map<State, Integer> counts = new EnumMap<>(State.class);
            for (Verification check : store.check(dataset, true)) {
                counts.merge(check.state(), 1, Integer::sum);
                switch (check.state()) {
                    case MISMATCH, UNVERIFIED, SIZE_ONLY -> out.println(check.describe());
                    case OK, MISSING -> { }
                }
            }
            mismatches += counts.getOrDefault(State.MISMATCH, 0);
            out.printf("%s: %d ok, %d mismatched, %d missing%s%n", dataset.name(),
                    counts.getOrDefault(State.OK, 0), counts.getOrDefault(State.MISMATCH, 0),
                    counts.getOrDefault(State.MISSING, 0),
                    counts.containsKey(State.UNVERIFIED) || counts.containsKey(State.SIZE_ONLY)
                            ? ", " + (counts.getOrDefault(State.UNVERIFIED, 0) + counts.getOrDefault(State.SIZE_ONLY, 0))
                                    + " unverified (no sha256 pinned)"
                            : "");
        }
        out.flush();
        if (mismatches > 0) {
            spec.commandLine().getErr().println("stave: " + mismatches + " file(s) differ from the manifest");
            return EXIT_MISMATCH;
        }
        return 0;
    }
}
