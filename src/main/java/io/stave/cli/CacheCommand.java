package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave cache}: the SQLite tool cache — import, export, statistics. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = "Manage the SQLite tool cache: import StableToolBench caches and answer files, export, count.",
        subcommands = {
            CacheImportCommand.class,
            CacheImportAnswersCommand.class,
            CacheExportCommand.class,
            CacheStatsCommand.class,
        })
public final class CacheCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
