package io.stave.bench.datasets;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One pinned file of a dataset.
 *
 * @param path   the file's path inside its repository folder, as laid out upstream and in a mirror
 * @param url    the public origin, pinned to a commit or revision where the host allows it
 * @param size   the size in bytes, or {@code null} when no source gives it
 * @param sha256 the lowercase hex SHA-256 of the bytes, or {@code null} when no source gives it
 */
public record DatasetFile(String path, String url, Long size, String sha256) {

    public OptionalLong expectedSize() {
        return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    public Optional<String> expectedSha256() {
        return Optional.ofNullable(sha256);
    }

    /** True when neither a hash nor a size pins the content: anything downloaded is accepted. */
    public boolean unpinned() {
        return sha256 == null && size == null;
    }
}
