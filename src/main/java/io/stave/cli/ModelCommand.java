package io.stave.cli;

import picocli.CommandLine.Command;

/** {@code stave model ...}: inspect model files. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Inspect local model files.",
        subcommands = {
            ModelInfoCommand.class,
        })
public final class ModelCommand {}
