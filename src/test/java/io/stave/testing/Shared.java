package io.stave.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.FileSource;
import io.stave.bench.datasets.HttpSource;
import io.stave.bench.datasets.MirrorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/**
 * The folder of real test data beside the project ({@code ../shared}): ToolBench and
 * StableToolBench files, the stories260K model and the published numbers.
 *
 * <p>Resolved once, from the system property {@code stave.shared}, then the environment variable
 * {@code STAVE_SHARED}, then {@code ../shared}. When that folder is absent, the files pinned in
 * {@code datasets/manifest.json} are fetched on demand from their public origins (or from
 * {@code $STAVE_DATA_MIRROR}) into {@code ~/.cache/stave} (or {@code -Dstave.cache}), laid out
 * the same way; a test whose file is neither there nor obtainable is skipped, not failed.
 */
public final class Shared {

    private static final Path ROOT = resolve();
    private static SharedCache cache;
    /** Set once a fetch failed (no network, say), so later tests skip at once instead of retrying. */
    private static String unavailable;

    private Shared() {}

    /** The shared folder; when absent, the cache after fetching every pinned file into it. */
    public static Path root() {
        if (Files.isDirectory(ROOT)) {
            return ROOT;
        }
        return fallback("");
    }

    /** A path inside the shared folder, such as {@code models/stories260K.bin}. */
    public static Path path(String relative) {
        if (Files.isDirectory(ROOT)) {
            return ROOT.resolve(relative);
        }
        return fallback(relative);
    }

    public static Path stableToolBench() {
        return path("toolbench-data/THUNLP-MT-StableToolBench");
    }

    public static Path toolBench() {
        return path("toolbench-data/OpenBMB-ToolBench");
    }

    public static Path models() {
        return path("models");
    }

    private static synchronized Path fallback(String relative) {
        if (unavailable != null) {
            throw new TestAbortedException(unavailable);
        }
        Path target;
        try {
            SharedCache fetched = cache();
            int files = fetched.ensure(relative);
            target = fetched.root().resolve(relative);
            assumeTrue(files > 0 || Files.exists(target), () -> "shared test data not found at " + ROOT
                    + " and " + relative + " is not among the pinned files of " + DatasetManifest.RELATIVE_LOCATION
                    + " (set STAVE_SHARED or -Dstave.shared)");
        } catch (TestAbortedException e) {
            throw e;
        } catch (RuntimeException e) {
            unavailable = "shared test data not found at " + ROOT + " and fetching \"" + relative
                    + "\" from its pinned origin failed: " + e.getMessage();
            throw new TestAbortedException(unavailable, e);
        }
        return target;
    }

    private static SharedCache cache() {
        if (cache == null) {
            String mirror = System.getenv("STAVE_DATA_MIRROR");
            FileSource source = mirror != null && !mirror.isBlank()
                    ? new MirrorSource(Path.of(mirror))
                    : new HttpSource();
            cache = new SharedCache(cacheRoot(), DatasetManifest.load(DatasetManifest.locate()), source);
        }
        return cache;
    }

    private static Path cacheRoot() {
        String property = System.getProperty("stave.cache");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "stave");
    }

    private static Path resolve() {
        String property = System.getProperty("stave.shared");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String env = System.getenv("STAVE_SHARED");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of("..", "shared").toAbsolutePath().normalize();
    }
}
