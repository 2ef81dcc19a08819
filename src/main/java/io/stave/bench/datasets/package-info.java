/**
 * Datasets as pinned downloads, what {@code stave data fetch|list|verify} works on: the checked-in
 * manifest of files (origin URL, size, sha256), the fetcher that downloads them (resumable,
 * hash-checked, atomic) from their public origin or copies them from a local mirror, with progress
 * reported to the caller, and the store that lists and verifies what is present under
 * {@code datasets/}. Knows nothing of the files' contents: reading them is {@link io.stave.bench.data}'s job.
 */
package io.stave.bench.datasets;
