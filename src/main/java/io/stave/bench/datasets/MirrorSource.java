package io.stave.bench.datasets;

import io.stave.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes files from a local copy laid out like the original repositories:
 * {@code <mirror>/<mirror_folder>/<path>}, e.g. {@code /work/shared/toolbench-data/THUNLP-MT-StableToolBench/…}.
 */
public final class MirrorSource implements FileSource {

    private final Path root;

    public MirrorSource(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": expected a mirror folder holding the repository folders"
                    + " (such as THUNLP-MT-StableToolBench/), but there is no such folder");
        }
        this.root = root;
    }

    public Path locate(Dataset dataset, DatasetFile file) {
        return root.resolve(dataset.mirrorFolder()).resolve(file.path());
    }

    @Override
    public void transfer(Dataset dataset, DatasetFile file, Path part, Progress progress) throws IOException {
        Path from = locate(dataset, file);
        if (!Files.isRegularFile(from)) {
            throw new BadInputException(from + ": expected the file " + file.path() + " of dataset "
                    + dataset.name() + " in the mirror " + root + ", but it is missing");
        }
        progress.start(file.path(), Files.size(from), 0);
        try (InputStream in = Files.newInputStream(from);
                OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                progress.advance(n);
            }
        } finally {
            progress.finish();
        }
    }

    @Override
    public String describe(Dataset dataset, DatasetFile file) {
        return locate(dataset, file).toString();
    }
}
