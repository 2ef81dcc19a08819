package io.stave.testing;

import io.stave.bench.datasets.Dataset;
import io.stave.bench.datasets.DatasetFile;
import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.Fetcher;
import io.stave.bench.datasets.FileSource;
import io.stave.bench.datasets.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in for the shared folder when it is absent: the same files, fetched from their pinned
 * origins (through the project's own {@link Fetcher}, sha256-checked) into a cache folder laid out
 * like the shared folder ({@code toolbench-data/<repository folder>/…}, {@code models/…}).
 */
final class SharedCache {

    private final Path root;
    private final DatasetManifest manifest;
    private final Fetcher fetcher;

    SharedCache(Path root, DatasetManifest manifest, FileSource source) {
        this.root = root;
        this.manifest = manifest;
        this.fetcher = new Fetcher(source, Progress.NONE);
    }

    Path root() {
        return root;
    }

    /** Where a dataset file sits inside the shared folder (and so inside this cache). */
    static String sharedPath(Dataset dataset, DatasetFile file) {
        return "models".equals(dataset.mirrorFolder())
                ? "models/" + file.path()
                : "toolbench-data/" + dataset.mirrorFolder() + "/" + file.path();
    }

    /**
     * Fetches every pinned file at or under {@code relative} (a file or a folder of the shared
     * layout; empty for everything) that is not cached yet, and returns how many files matched.
     */
    int ensure(String relative) {
        String prefix = relative.endsWith("/") || relative.isEmpty() ? relative : relative + "/";
        List<Runnable> work = new ArrayList<>();
        for (Dataset dataset : manifest.datasets()) {
            if (dataset.onRequest()) {
                continue; // large archives are never a test fixture
            }
            for (DatasetFile file : dataset.files()) {
                String shared = sharedPath(dataset, file);
                if (shared.equals(relative) || shared.startsWith(prefix)) {
                    work.add(() -> fetcher.fetch(dataset, file, root.resolve(shared)));
                }
            }
        }
        work.forEach(Runnable::run);
        return work.size();
    }
}
