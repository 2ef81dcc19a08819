package io.stave.cli;

import io.stave.tools.StbCacheFiles;
import io.stave.tools.ToolCache;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stave cache import DIR --cache FILE}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a StableToolBench tool_response_cache folder (<category>/<tool_dir>/<api>.json).")
public final class CacheImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The tool_response_cache folder.")
    Path folder;

    @Option(names = "--cache", required = true, paramLabel = "FILE", description = "The SQLite tool cache to fill.")
    Path cacheFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            StbCacheFiles.Counts counts = StbCacheFiles.importFolder(folder, cache);
            spec.commandLine().getOut().printf("imported %d entries from %d files (%d skipped) into %s%n",
                    counts.entries(), counts.files(), counts.skippedFiles(), cacheFile);
        }
        return 0;
    }
}
