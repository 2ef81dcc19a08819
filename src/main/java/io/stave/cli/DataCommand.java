package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave data}: the pinned datasets (fetch, list, verify). */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Datasets pinned by sha256 in datasets/manifest.json: fetch, list, verify.",
        subcommands = {DataFetchCommand.class, DataListCommand.class, DataVerifyCommand.class})
final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
