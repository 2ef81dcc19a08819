package io.stave.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code stave eval}: ToolEval pass rate and win rate over converted answers. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score converted answers with ToolEval: pass rate (v1, v2, StableToolEval) and win rate.",
        subcommands = {EvalPassRateCommand.class, EvalWinRateCommand.class, EvalLeaderboardCommand.class})
public final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
