package io.stave.cli;

import io.stave.store.CacheMode;
import io.stave.tools.ToolCache;
import io.stave.tools.ToolCacheStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave cache stats --cache FILE}. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count the entries of a tool cache by kind and source, by server error, and per API.")
public final class CacheStatsCommand implements Callable<Integer> {

    @Option(names = "--cache", required = true, paramLabel = "FILE", description = "The SQLite tool cache to read.")
    Path cacheFile;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "APIs to list (default: ${DEFAULT-VALUE}).")
    int top;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ToolCache cache = ToolCache.open(CacheFiles.existing(cacheFile, "--cache"), CacheMode.RO)) {
            out.printf("%s: %d entries%n", cacheFile, cache.table().size());
            print(out, "kind\tsource", ToolCacheStats.bySource(cache));
            print(out, "reply error", ToolCacheStats.byError(cache));
            print(out, "api (replies)", ToolCacheStats.byApi(cache, top));
        }
        return 0;
    }

    private static void print(PrintWriter out, String header, List<ToolCacheStats.Row> rows) {
        out.println();
        out.println(header + "\tcount");
        for (ToolCacheStats.Row row : rows) {
            out.println(String.join("\t", row.labels()) + "\t" + row.count());
        }
    }
}
