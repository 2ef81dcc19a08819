package io.stave.cli;

import io.stave.eval.passrate.GroupPassRate;
import io.stave.quickstart.LocalStage;
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

    @Option(names = "--local-model", paramLabel = "FILE",
            description = "GGUF model of the second stage (the example queries through the local decoder with Attention"
                    + " Buckets). Default: ../shared/models/stories260K.gguf when present, a story model standing in for"
                    + " ToolLLaMA.")
    Path localModel;

    @Option(names = "--local", description = "Add the second stage: the example queries through the local decoder with"
            + " Attention Buckets (minutes on two cores: six buckets prefill ToolLLaMA prompts of thousands of tokens).")
    boolean withLocal;

    @Option(names = "--local-calls", defaultValue = "2", paramLabel = "N",
            description = "Model calls per query in the second stage (DFSDT max_query_count). Default: ${DEFAULT-VALUE}.")
    int localCalls;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
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
        Path model = localModel != null ? localModel : LocalStage.defaultModel();
        if (withLocal && model != null) {
            local(stdout, model, result);
        } else if (withLocal) {
            stdout.println("local decoder stage skipped: no model (give --local-model FILE.gguf)");
        }
        stdout.flush();
        return result.matchesExample() ? 0 : 1;
    }

    private void local(PrintWriter stdout, Path model, QuickstartResult result) throws InterruptedException {
        long start = System.nanoTime();
        LocalStage.Result local = LocalStage.run(LocalStage.example(data), result.runDir().resolve("tool-cache.sqlite"),
                model, result.runDir().resolve("local_buckets"), localCalls);
        var total = local.outcome().summary().total();
        var reuse = local.reuse();
        stdout.println("local decoder: " + model.getFileName() + " stands in for ToolLLaMA-2-7b-v2 (a tiny story model:"
                + " its ReAct output is nonsense and is not judged)");
        stdout.printf(Locale.ROOT, "  DFSDT, Attention Buckets toolbench-6 (6 RoPE bases), PI ratio 4: %d queries, %d answered,"
                + " %d model calls -> %s%n", total.units(), total.answered(), reuse.calls(), local.runDir().resolve("answers"));
        stdout.printf(Locale.ROOT, "  KV reuse: %d prompt tokens, %d prefilled, %d reused (%.0f%%), %d generated (%.1f s)%n",
                reuse.promptTokens(), reuse.prefilled(), reuse.reused(), 100 * reuse.reuseRatio(), reuse.generated(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void sopr(PrintWriter out, String label, GroupPassRate r) {
        out.printf(Locale.ROOT, "SoPR  %s: %.1f ± %.1f (%d queries, %d runs)%n", label, 100 * r.soprMean(), 100 * r.soprStd(),
                r.evaluated(), r.runCount());
    }
}
