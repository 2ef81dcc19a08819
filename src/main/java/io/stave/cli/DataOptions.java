package io.stave.cli;

import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.DatasetStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the {@code stave data} subcommands: which manifest, which data folder. */
final class DataOptions {

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Dataset manifest (default: datasets/manifest.json of this checkout).")
    Path manifest;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder the datasets are fetched into, one subfolder per dataset"
                    + " (default: the folder holding the manifest, i.e. datasets/).")
    Path data;

    DatasetManifest loadManifest() {
        return DatasetManifest.load(manifestPath());
    }

    DatasetStore store() {
        Path root = data != null ? data : manifestPath().toAbsolutePath().getParent();
        return new DatasetStore(root);
    }

    private Path manifestPath() {
        return manifest != null ? manifest : DatasetManifest.locate();
    }
}
