package io.stave.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of real test data beside the project ({@code ../shared}): ToolBench and
 * StableToolBench files, the stories260K model and the published numbers.
 *
 * <p>Resolved once, from the system property {@code stave.shared}, then the environment variable
 * {@code STAVE_SHARED}, then {@code ../shared}.
 */
public final class Shared {

    private static final Path ROOT = resolve();

    private Shared() {}

    public static Path root() {
        assumeTrue(Files.isDirectory(ROOT), () -> "shared test data not found at " + ROOT
                + " (set STAVE_SHARED or -Dstave.shared)");
        return ROOT;
    }

    /** A path inside the shared folder, such as {@code models/stories260K.bin}. */
    public static Path path(String relative) {
        return root().resolve(relative);
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
