package io.stave.bench.datasets;

import java.nio.file.Path;
import java.util.List;

/** The folder where fetched datasets land: {@code <data>/<dataset>/<path inside the repository>}. */
public final class DatasetStore {

    private final Path root;

    public DatasetStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path location(Dataset dataset, DatasetFile file) {
        return root.resolve(dataset.name()).resolve(file.path());
    }

    /** Fetches every file of the dataset that is not already present with its pinned hash. */
    public List<Fetcher.Result> fetch(Dataset dataset, Fetcher fetcher) {
        return dataset.files().stream().map(f -> fetcher.fetch(dataset, f, location(dataset, f))).toList();
    }

    /** Checks each file; {@code hash} false compares presence and size only (fast, for listings). */
    public List<Verification> check(Dataset dataset, boolean hash) {
        return dataset.files().stream().map(f -> Verification.check(dataset, f, location(dataset, f), hash)).toList();
    }
}
