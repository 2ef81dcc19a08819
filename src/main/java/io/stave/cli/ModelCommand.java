package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave model}: inspect and make model files. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Inspect and make model files.",
        subcommands = {
            ModelInfoCommand.class,
            ModelSynthCommand.class,
        })
public final class ModelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
