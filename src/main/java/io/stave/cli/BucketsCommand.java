package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave buckets}: the Attention Buckets waveform and base search. */
@Command(
        name = "buckets",
        mixinStandardHelpOptions = true,
        description = "Attention Buckets: the RoPE waveform, its peaks and troughs, and the base search.",
        subcommands = {BucketsWaveformCommand.class, BucketsSearchCommand.class})
public final class BucketsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
