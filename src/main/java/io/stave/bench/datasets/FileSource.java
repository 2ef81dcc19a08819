package io.stave.bench.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** Where the bytes of a dataset file come from: its public origin or a local mirror. */
public interface FileSource {

    /**
     * Brings the file's bytes into {@code part}. A source that can resume appends to what
     * {@code part} already holds; one that cannot rewrites it.
     */
    void transfer(Dataset dataset, DatasetFile file, Path part, Progress progress) throws IOException;

    /** Where this file is taken from, for messages. */
    String describe(Dataset dataset, DatasetFile file);
}
