package io.stave.bench.datasets;

import java.util.List;
import java.util.Optional;

/**
 * A named group of pinned files, fetched together.
 *
 * @param name         the name users type ({@code stave data fetch NAME})
 * @param description  one line for {@code stave data list}
 * @param origin       where the files come from (repository and commit)
 * @param mirrorFolder the folder of a local mirror that holds these files, named like the
 *                     repository ({@code THUNLP-MT-StableToolBench}, {@code OpenBMB-ToolBench})
 * @param onRequest    true for large datasets that are fetched only when named explicitly
 * @param note         a caveat shown by {@code stave data list}, such as a missing hash
 * @param files        the files, in manifest order
 */
public record Dataset(
        String name,
        String description,
        String origin,
        String mirrorFolder,
        boolean onRequest,
        String note,
        List<DatasetFile> files) {

    public Dataset {
        files = List.copyOf(files);
    }

    public long totalSize() {
        return files.stream().mapToLong(f -> f.size() == null ? 0 : f.size()).sum();
    }

    /** True when at least one file has neither a hash nor a size. */
    public boolean hasUnpinnedFiles() {
        return files.stream().anyMatch(DatasetFile::unpinned);
    }

    public Optional<DatasetFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }
}
