package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave tools}: tool execution by hand. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "Call the tools of a query by hand through any tools backend.",
        subcommands = {
            ToolsCallCommand.class,
        })
public final class ToolsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
