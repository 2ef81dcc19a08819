/**
 * Datasets: the checked-in manifest of pinned files (origin URL, size, sha256), the fetcher that
 * downloads them (resumable, hash-checked, atomic) or copies them from a local mirror, and the
 * store that lists and verifies what is present under {@code datasets/}.
 */
package io.stave.bench.data;
