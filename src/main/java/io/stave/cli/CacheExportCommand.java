package io.stave.cli;

import io.stave.store.CacheMode;
import io.stave.tools.StbCacheFiles;
import io.stave.tools.ToolCache;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave cache export --cache FILE --out DIR}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the cached replies in StableToolBench's layout (py_json indent 4, original order).")
public final class CacheExportCommand implements Callable<Integer> {

    @Option(names = "--cache", required = true, paramLabel = "FILE", description = "The SQLite tool cache to read.")
    Path cacheFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The tool_response_cache folder to write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (ToolCache cache = ToolCache.open(CacheFiles.existing(cacheFile, "--cache"), CacheMode.RO)) {
            StbCacheFiles.Counts counts = StbCacheFiles.exportFolder(cache, out);
            spec.commandLine().getOut().printf("exported %d entries into %d files under %s%n",
                    counts.entries(), counts.files(), out);
        }
        return 0;
    }
}
