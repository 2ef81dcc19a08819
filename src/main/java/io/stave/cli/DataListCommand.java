package io.stave.cli;

import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import io.stave.bench.datasets.Verification;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stave data list}: the datasets, their file counts and sizes, and how many files are present. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the datasets of the manifest: files, bytes, how many are present (by size; "
                + "`stave data verify` checks hashes).")
final class DataListCommand implements Callable<Integer> {

    @Mixin
    DataOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetManifest manifest = options.loadManifest();
        DatasetStore store = options.store();
        out.printf("manifest %s%ndata     %s%n%n", manifest.source(), store.root());
        out.printf("%-26s %5s %13s %9s  %s%n", "DATASET", "FILES", "BYTES", "PRESENT", "DESCRIPTION");
        for (Dataset dataset : manifest.datasets()) {
            List<Verification> checks = store.check(dataset, false);
            long present = checks.stream().filter(Verification::present).count();
            String bytes = dataset.hasUnpinnedFiles()
                    ? "unknown"
                    : String.format(Locale.ROOT, "%,d", dataset.totalSize());
            out.printf(Locale.ROOT, "%-26s %5d %13s %9s  %s%n", dataset.name(), dataset.files().size(), bytes,
                    present + "/" + dataset.files().size(), dataset.description());
            if (dataset.onRequest()) {
                out.printf("%-26s fetched only when named: stave data fetch %s%n", "", dataset.name());
            }
            if (dataset.hasUnpinnedFiles()) {
                out.printf("%-26s UNVERIFIED: no sha256 or size pinned; %s%n", "",
                        dataset.note() == null ? "" : dataset.note());
            }
        }
        out.flush();
        return 0;
    }
}
