package io.stave.cli;

import io.stave.buckets.Presets;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.Model;
import io.stave.decoder.tensor.Kernels;
import io.stave.llm.local.BucketStepBenchmark;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave bench buckets}: decode step time with N Attention Buckets against one. */
@Command(
        name = "buckets",
        mixinStandardHelpOptions = true,
        description = "Time decode steps with N buckets (one session, one pass over the weights) and with one, after the"
                + " same prompt; prints the ratio (target ≤ 2.5; llama.cpp's six sequences cost 3.8×).")
public final class BenchBucketsCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "Model SPEC of the decoder (gguf:PATH, llama2c:PATH, hf:DIR).")
    String model;

    @Option(names = "--buckets", defaultValue = "toolbench-6", description = "Preset or comma-separated bases (default ${DEFAULT-VALUE}).")
    String buckets;

    @Option(names = "--pi-scale", defaultValue = "2", description = "Position interpolation ratio of every bucket (default ${DEFAULT-VALUE}, as ToolLLaMA).")
    double piScale;

    @Option(names = "--prompt-tokens", defaultValue = "256", description = "Prompt prefilled before the timed steps (default ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--steps", defaultValue = "16", description = "Decode steps timed per configuration (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", description = "Matmul worker threads (default: one per core, or -Dstave.threads).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads != null) {
            Kernels.setThreads(threads);
        }
        List<Double> bases = Presets.parse(buckets);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BucketStepBenchmark.Result r;
        try (Model loaded = ModelSpec.parse(model).load()) {
            r = BucketStepBenchmark.run(loaded, bases, piScale, promptTokens, steps);
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.pretty(java.util.Map.of(
                    "result", r, "ratio", r.ratio(), "threads", Kernels.threads(), "load_average",
                    List.of(loadBefore, loadAfter), "cores", Runtime.getRuntime().availableProcessors())));
        } else {
            out.printf(Locale.ROOT, "model                  %s%n", model);
            out.printf(Locale.ROOT, "buckets                %d (%s), pi-scale %s%n", bases.size(), buckets, Presets.format(piScale));
            out.printf(Locale.ROOT, "threads / cores        %d / %d%n", Kernels.threads(), Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "prompt, timed steps    %d, %d%n", r.promptTokens(), r.steps());
            out.printf(Locale.ROOT, "step, 1 bucket         %.2f ms%n", r.msPerStepOne());
            out.printf(Locale.ROOT, "step, %d buckets        %.2f ms%n", bases.size(), r.msPerStepN());
            out.printf(Locale.ROOT, "ratio                  %.2f (target ≤ 2.5)%n", r.ratio());
            out.printf(Locale.ROOT, "load average           %.2f before, %.2f after%n", loadBefore, loadAfter);
        }
        out.flush();
        return 0;
    }
}
