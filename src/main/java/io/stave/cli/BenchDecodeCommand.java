package io.stave.cli;

import io.stave.decoder.perf.DecodeBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave bench decode}: decode and prefill speed of a GGUF model against the memory bandwidth. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Time prefill and decode steps (one sequence, and B sequences decoded together) on a GGUF model and compare with the measured memory bandwidth.")
public final class BenchDecodeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "GGUF model file (e.g. from `stave model synth`).")
    Path model;

    @Option(names = "--batch", defaultValue = "6", description = "Sequences decoded together for the batch-B figure (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", description = "Worker threads (default: one per core, or -Dstave.threads).")
    Integer threads;

    @Option(names = "--prompt-tokens", defaultValue = "64", description = "Prompt length for the prefill figure (default ${DEFAULT-VALUE}).")
    int promptTokens;

    @Option(names = "--steps", defaultValue = "16", description = "Decode steps timed per batch size; the full forward pass times three rounds of them, batch 1 and batch B in turn, and takes the median (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--kernels-only", description = "Time only the weight matrices' matmuls (batch 1, B and P), not the whole forward pass.")
    boolean kernelsOnly;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int workers = threads != null ? threads : io.stave.decoder.tensor.Kernels.threads();
        DecodeBenchmark.Result r = DecodeBenchmark.run(new DecodeBenchmark.Options(model, batch, workers, promptTokens, steps, kernelsOnly));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.pretty(r));
        } else {
            out.println(table(r));
        }
        out.flush();
        return 0;
    }

    static String table(DecodeBenchmark.Result r) {
        StringBuilder s = new StringBuilder();
        row(s, "model", r.model());
        row(s, "measured", r.mode());
        row(s, "weight matrices", r.matricesByType().toString());
        row(s, "threads / vector bits", r.threads() + " / " + r.vectorBits());
        row(s, "load (mmap)", fmt("%.3f s", r.loadSeconds()));
        row(s, "prefill (" + r.promptTokens() + " tokens)", fmt("%.1f tok/s", r.prefillTokensPerSecond()));
        row(s, "decode batch 1", fmt("%.1f tok/s  (%.2f ms/step)", r.decodeTokensPerSecondBatch1(), r.stepMsBatch1()));
        row(s, "decode batch " + r.batch(), fmt("%.1f tok/s  (%.2f ms/step)", r.decodeTokensPerSecondBatchB(), r.stepMsBatchB()));
        row(s, "step time batch " + r.batch() + " / batch 1", fmt("%.2f", r.stepTimeRatio()));
        row(s, "caller CPU per step", fmt("%.2f ms (batch 1), %.2f ms (batch %d)", r.cpuMsBatch1(), r.cpuMsBatchB(), r.batch()));
        row(s, "weights read per step", fmt("%.1f MB", r.weightBytesPerStep() / 1e6));
        row(s, "memory bandwidth (probe)", fmt("%.1f GB/s", r.probeBytesPerSecond() / 1e9));
        row(s, "decode batch 1 reads", fmt("%.1f GB/s = %.0f%% of the probe", r.decodeBytesPerSecond() / 1e9, 100 * r.bandwidthFraction()));
        DecodeBenchmark.Memory m = r.memory();
        if (m != null) {
            row(s, "weights (mapped)", fmt("%.1f MB file, %s", m.mappedFileBytes() / 1e6, m.residentFileBytes() < 0
                    ? "resident size unknown" : fmt("%.1f MB of file pages resident", m.residentFileBytes() / 1e6)));
            row(s, "batch " + r.batch() + " session", m.anonymousGrowthBatchB() < 0
                    ? fmt("KV caches %.1f MB", m.kvCacheBytesBatchB() / 1e6)
                    : fmt("KV caches %.1f MB; resident anonymous memory grew %.1f MB (%.2f × the KV caches)",
                            m.kvCacheBytesBatchB() / 1e6, m.anonymousGrowthBatchB() / 1e6,
                            (double) m.anonymousGrowthBatchB() / m.kvCacheBytesBatchB()));
        }
        return s.toString().stripTrailing();
    }

    private static void row(StringBuilder s, String name, String value) {
        s.append(String.format(Locale.ROOT, "%-28s %s%n", name, value));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
