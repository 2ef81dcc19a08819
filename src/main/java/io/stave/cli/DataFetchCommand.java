package io.stave.cli;

import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import io.stave.bench.datasets.Fetcher;
import io.stave.bench.datasets.FileSource;
import io.stave.bench.datasets.HttpSource;
import io.stave.bench.datasets.MirrorSource;
import io.stave.bench.datasets.Progress;
import io.stave.bench.datasets.Verification;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stave data fetch [NAME...] [--mirror DIR]}: downloads (or copies) pinned files, checking sha256. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch datasets into DIR/<name>/<path>: resumable, sha256-checked, files already present"
                + " with the right hash are skipped.")
final class DataFetchCommand implements Callable<Integer> {

    /** Exit code when a download failed (network, server); user mistakes exit 2 as everywhere. */
    static final int EXIT_FETCH_FAILED = 1;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "Datasets to fetch (default: all except those fetched only on request, such as"
                    + " toolbench-full). See `stave data list`.")
    List<String> names = new ArrayList<>();

    @Option(names = "--mirror", paramLabel = "DIR", defaultValue = "${env:STAVE_DATA_MIRROR}",
            description = "Copy from a local copy laid out like the original repositories"
                    + " (DIR/THUNLP-MT-StableToolBench/…, DIR/OpenBMB-ToolBench/…) instead of downloading;"
                    + " default: $STAVE_DATA_MIRROR.")
    Path mirror;

    @Option(names = "--no-progress", description = "Do not draw progress bars on stderr.")
    boolean noProgress;

    @Mixin
    DataOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DatasetManifest manifest = options.loadManifest();
        List<Dataset> datasets = manifest.select(names);
        DatasetStore store = options.store();
        FileSource source = mirror != null ? new MirrorSource(mirror) : new HttpSource();
        for (Dataset dataset : datasets) {
            List<Fetcher.Result> results;
            try {
                results = fetchAll(dataset, store, source);
            } catch (UncheckedIOException e) {
                // Network trouble is not the user's mistake, but deserves clear lines, not a trace;
                // the other files would most likely fail the same way, so stop here.
                out.flush();
                spec.commandLine().getErr().println("stave: " + e.getMessage());
                spec.commandLine().getErr().println("stave: fetch stopped at " + dataset.name()
                        + "; run the same command again to resume (files already fetched are kept)");
                return EXIT_FETCH_FAILED;
            }
            long fetched = results.stream().filter(r -> r.outcome() == Fetcher.Outcome.FETCHED).count();
            for (Fetcher.Result result : results) {
                if (result.state() == Verification.State.UNVERIFIED || result.state() == Verification.State.SIZE_ONLY) {
                    out.println(Verification.check(dataset, result.file(), result.target(), false).describe());
                }
            }
            out.printf("%s: %d files, %d fetched, %d already present -> %s%n", dataset.name(),
                    dataset.files().size(), fetched, results.size() - fetched, store.root().resolve(dataset.name()));
        }
        out.flush();
        return 0;
    }

    private List<Fetcher.Result> fetchAll(Dataset dataset, DatasetStore store, FileSource source) {
        if (noProgress) {
            return store.fetch(dataset, new Fetcher(source, Progress.NONE));
        }
        try (ConsoleProgress bar = new ConsoleProgress(dataset)) {
            return store.fetch(dataset, new Fetcher(source, bar));
        }
    }
}
