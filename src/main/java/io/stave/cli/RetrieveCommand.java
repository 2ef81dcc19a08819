package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave retrieve}: the API retriever of the DFSDT-Retriever setting. */
@Command(
        name = "retrieve",
        mixinStandardHelpOptions = true,
        description = "Retrieve APIs for a request from a tool corpus by embedding similarity, and score the "
                + "retriever against the queries' relevant APIs.",
        subcommands = {RetrieveEvalCommand.class, RetrieveQueryCommand.class})
final class RetrieveCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
