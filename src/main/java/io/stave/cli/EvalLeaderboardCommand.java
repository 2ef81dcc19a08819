package io.stave.cli;

import io.stave.eval.Groups;
import io.stave.eval.winrate.V1Leaderboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave eval leaderboard}: ToolEval v1's leaderboard CSV from v1 preference files (§11.3, §2.10). */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "ToolEval v1 leaderboard (pooled WinRate/StdError and per group) from the preference files of"
                + " 'eval win-rate --rule v1 --out'.")
public final class EvalLeaderboardCommand implements Callable<Integer> {

    @Option(names = "--preferences", required = true, paramLabel = "DIR",
            description = "Folder with <group>_<reference>_<candidate>.json files (one sample per query).")
    Path preferences;

    @Option(names = "--reference", required = true, description = "Reference model name (gpt-3.5-turbo_CoT in the v1 leaderboard).")
    String reference;

    @Option(names = "--evaluator", defaultValue = "tooleval_gpt-3.5-turbo_normalized",
            description = "Evaluator name in the file name. Default: ${DEFAULT-VALUE}.")
    String evaluator;

    @Option(names = "--evalset", defaultValue = "default_evalset", description = "Evaluation set in the file name. Default: ${DEFAULT-VALUE}.")
    String evalset;

    @Option(names = "--out", paramLabel = "DIR", description = "Write leaderboard###<evalset>###<evaluator>###<reference>.csv here.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<V1Leaderboard.Row> rows = V1Leaderboard.fromPreferenceFiles(preferences, reference);
        List<String> groups = Groups.ALL.stream().filter(g -> rows.stream().anyMatch(r -> r.groups().containsKey(g))).toList();
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            Path file = out.resolve("leaderboard###" + evalset + "###" + evaluator + "###" + reference + ".csv");
            V1Leaderboard.writeLeaderboard(file, groups, rows);
            stdout.println("wrote " + file);
        }
        for (V1Leaderboard.Row row : rows) {
            stdout.printf(Locale.ROOT, "%s: WinRate %.4f, StdError %.4f over %d queries%n", row.method(),
                    row.overall().winRate(), row.overall().stdError(), row.overall().queries());
        }
        stdout.flush();
        return 0;
    }
}
