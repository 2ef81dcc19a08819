/**
 * ToolBench data on disk. Loaders of the ToolBench and StableToolBench files: query files (full and
 * minimal format), test-id files, suites by group name or alias, tool documentation roots and
 * description maps; every mistake in a file is a {@link io.stave.BadInputException} naming file,
 * JSON path and expectation. Datasets: the checked-in manifest of pinned files (origin URL, size,
 * sha256), the fetcher that downloads them (resumable, hash-checked, atomic) or copies them from a
 * local mirror, and the store that lists and verifies what is present under {@code datasets/}.
 */
package io.stave.bench.data;
