package io.stave.cli;

import io.stave.BadInputException;
import io.stave.eval.Seeds;
import io.stave.eval.convert.AnswerConverter;
import io.stave.eval.convert.ConvertedAnswers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave convert}: raw answer files of one group to ToolEval's converted format (§8). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert raw answers (<qid>_<method>.json) into ToolEval's converted format, as ToolBench's converter does.")
public final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--answers", required = true, paramLabel = "DIR",
            description = "Folder of raw answer files of one group, e.g. runs/ID/answers/G1_instruction.")
    Path answers;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "Method: files whose name contains it are converted (CoT@1, DFS_woFilter_w2, …).")
    String method;

    @Option(names = "--out", required = true, paramLabel = "F", description = "Converted file to write.")
    Path out;

    @Option(names = "--profile", defaultValue = "toolbench", paramLabel = "toolbench|stabletoolbench",
            description = "Sets the layout default: toolbench json.dumps (compact), stabletoolbench indent=2. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--layout", paramLabel = "compact|indent2", description = "Override the profile's file layout.")
    String layout;

    @Option(names = "--seed", defaultValue = "42",
            description = "Run seed; each query's random choice is derived from it and the query id. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--python-random",
            description = "Draw like the original script: one random.seed(42) stream over the files in name order.")
    boolean pythonRandom;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConvertedAnswers.Layout chosen = layout(layout != null ? layout : defaultLayout(profile));
        ConvertedAnswers converted = AnswerConverter.builder(method).seed(seed).pythonCompatible(pythonRandom).build()
                .convertDirectory(answers);
        converted.write(out, chosen, method, pythonRandom ? Seeds.TOOLBENCH_SEED : seed, pythonRandom);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Converted %d answers to %s%s%n", converted.answers().size(), out,
                converted.fromInvalid().isEmpty() ? "" : " (from invalid data, by a random choice: "
                        + String.join(", ", converted.fromInvalid()) + ")");
        stdout.flush();
        return 0;
    }

    private static String defaultLayout(String profile) {
        return switch (profile) {
            case "toolbench" -> "compact";
            case "stabletoolbench" -> "indent2";
            default -> throw new BadInputException("--profile: expected toolbench or stabletoolbench, found '" + profile + "'");
        };
    }

    private static ConvertedAnswers.Layout layout(String name) {
        return switch (name) {
            case "compact" -> ConvertedAnswers.Layout.COMPACT;
            case "indent2" -> ConvertedAnswers.Layout.INDENT2;
            default -> throw new BadInputException("--layout: expected compact or indent2, found '" + name + "'");
        };
    }
}
