package io.stave.cli;

import io.stave.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stave} command: a ToolBench evaluation harness with its own Llama decoder. */
@Command(
        name = "stave",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        exitCodeOnInvalidInput = Main.EXIT_BAD_INPUT,
        exitCodeOnExecutionException = Main.EXIT_INTERNAL,
        description = "ToolBench evaluation harness: run agents, score them with ToolEval, report beside the papers.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DataCommand.class,
            BucketsCommand.class,
            FunctionsCommand.class,
            PromptCommand.class,
            GenerateCommand.class,
            ModelCommand.class,
            BenchCommand.class,
            KvRetrievalCommand.class,
            CacheCommand.class,
            ConvertCommand.class,
            EvalCommand.class,
            CompareCommand.class,
            ToolsCommand.class,
            RunCommand.class,
            RetrieveCommand.class,
            ToolServerCommand.class,
            ReportCommand.class,
            QuickstartCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for a user's mistake: bad input file, unknown id, malformed argument. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure inside stave. */
    public static final int EXIT_INTERNAL = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs stave with the given arguments and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handleExecutionException);
        return commandLine;
    }

    private static int handleExecutionException(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        BadInputException badInput = findBadInput(e);
        if (badInput != null) {
            // A user's mistake: one line, no stack trace.
            err.println("stave: " + badInput.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println("stave: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }

    private static BadInputException findBadInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException badInput) {
                return badInput;
            }
        }
        return null;
    }
}
