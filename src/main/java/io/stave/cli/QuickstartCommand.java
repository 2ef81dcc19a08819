package io.stave.cli;

import io.stave.eval.passrate.GroupPassRate;
import io.stave.quickstart.Quickstart;
import io.stave.quickstart.QuickstartResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave quickstart}: StableToolBench's worked example end to end, offline, in seconds. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Reproduce StableToolBench's worked example: fetch it, build a tool cache, replay ChatGPT's CoT and"
                + " DFS answers, convert, score with the recorded judge (SoPR, SoWR) and write the report.")
public final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/quickstart",
            description = "Report folder (report.html, summary.md, <metric>.tex). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--run", paramLabel = "DIR", defaultValue = "runs/quickstart",
            description = "Run directory (answers, converted, eval, manifest.json, tool cache). Default: ${DEFAULT-VALUE}.")
    Path run;

    @Option(names = "--mirror", paramLabel = "DIR",
            description = "Local copy of the data laid out like the original repositories. Default: $STAVE_DATA_MIRROR,"
                    + " else ../shared/toolbench-data when it exists, else download from the origin.")
    Path mirror;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder the example is fetched into. Default: datasets/ (beside the manifest).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Path source = mirror != null ? mirror : Quickstart.defaultMirror(System.getenv());
        QuickstartResult result = Quickstart.builder().mirror(source).data(data).runDir(run).reportDir(out)
                .log(line -> {
                    stdout.println(line);
                    stdout.flush();
                })
                .build().run();
        sopr(stdout, "ChatGPT CoT@1          ", result.cot());
        sopr(stdout, "ChatGPT DFS_woFilter_w2", result.dfs());
        var w = result.winRate();
        stdout.printf(Locale.ROOT, "SoWR  DFS vs CoT: %.1f%% (%d wins, %d ties, %d losses of %d)%n",
                100 * w.winRateTiesAsLoss(), w.wins(), w.ties(), w.losses(), w.queries().size());
        stdout.println(result.matchesExample()
                ? "matches the example's published files (" + result.check().compared().size() + " compared)"
                : "DIFFERS from the example's published files: " + result.differingFromExample());
        stdout.printf(Locale.ROOT, "report: %s (%.1f s)%n", result.report(), result.millis() / 1000.0);
        stdout.flush();
        return result.matchesExample() ? 0 : 1;
    }

    private static void sopr(PrintWriter out, String label, GroupPassRate r) {
        out.printf(Locale.ROOT, "SoPR  %s: %.1f ± %.1f (%d queries, %d runs)%n", label, 100 * r.soprMean(), 100 * r.soprStd(),
                r.evaluated(), r.runCount());
    }
}
