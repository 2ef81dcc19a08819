package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave bench}: performance measurements. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Performance measurements.",
        subcommands = {
            BenchDecodeCommand.class,
            BenchBucketsCommand.class,
            BenchReuseCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
