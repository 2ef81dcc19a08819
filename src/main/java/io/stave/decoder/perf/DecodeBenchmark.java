package io.stave.decoder.perf;

import io.stave.BadInputException;
import io.stave.decoder.tensor.Kernels;
import io.stave.decoder.tensor.WeightMatrices;
import io.stave.decoder.tensor.WeightMatrix;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Times the linear layers of one decode step of a GGUF model: every weight matrix that a token's
 * forward pass streams (the layers' q, k, v, o, gate, up, down and the output matrix; not the
 * embedding table, of which a step reads one row), multiplied with batch 1, with batch B and with
 * a P-token prompt, on memory-mapped weights. Beside it, a streaming read over the same mapping
 * measures the memory bandwidth, so the report can say which fraction of it decoding reaches
 * (spec/decoder.md §10).
 */
public final class DecodeBenchmark {

    /**
     * @param model a GGUF file
     * @param batch sequences decoded together (B)
     * @param threads worker threads for the kernels and the bandwidth probe
     * @param promptTokens prompt length P for the prefill figure
     * @param steps decode steps timed per batch size
     */
    public record Options(Path model, int batch, int threads, int promptTokens, int steps) {
        public Options {
            if (batch < 1 || threads < 1 || promptTokens < 1 || steps < 1) {
                throw new BadInputException("bench decode: --batch, --threads, --prompt-tokens and --steps must be at least 1");
            }
        }
    }

    /**
     * What one run measured; rates per second, times in milliseconds, bytes and bytes per second.
     * The {@code cpuMs} figures are the calling thread's CPU time per step: with one thread they
     * are the whole step's cost, which other processes' load on the machine does not inflate.
     */
    public record Result(
            String model, String mode, Map<String, Integer> matricesByType, int threads, int vectorBits,
            int batch, int promptTokens, int steps, double loadSeconds,
            double prefillTokensPerSecond, double stepMsBatch1, double decodeTokensPerSecondBatch1,
            double stepMsBatchB, double decodeTokensPerSecondBatchB, double stepTimeRatio,
            double cpuMsBatch1, double cpuMsBatchB,
            long weightBytesPerStep, double probeBytesPerSecond, double decodeBytesPerSecond,
            double bandwidthFraction) {}

    private record Timing(double seconds, double cpuSeconds) {}

    private DecodeBenchmark() {}

    public static Result run(Options options) throws IOException {
        if (!Files.isRegularFile(options.model())) {
            throw BadInputException.at(options.model(), "--model", "an existing GGUF file");
        }
        Kernels.setThreads(options.threads());
        long loadStart = System.nanoTime();
        try (GgufTensors gguf = new GgufTensors(options.model())) {
            List<WeightMatrix> matrices = streamedMatrices(gguf, options.model());
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            long weightBytes = 0;
            int maxCols = 0;
            int maxRows = 0;
            Map<String, Integer> byType = new TreeMap<>();
            for (WeightMatrix m : matrices) {
                weightBytes += m.data().byteSize();
                maxCols = Math.max(maxCols, m.cols());
                maxRows = Math.max(maxRows, m.rows());
                byType.merge(m.type().name(), 1, Integer::sum);
            }
            double bandwidth = BandwidthProbe.measure(gguf.segment(), options.threads(), 3);

            int rowsNeeded = Math.max(options.batch(), options.promptTokens());
            float[] x = new float[rowsNeeded * maxCols];
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            float[] y = new float[rowsNeeded * maxRows];

            // Warm-up: faults the pages in and lets the JIT compile the 1-row and 4-row kernels.
            step(matrices, x, y, 1);
            step(matrices, x, y, options.batch());
            step(matrices, x, y, 1);

            Timing t1 = timeSteps(matrices, x, y, 1, options.steps());
            Timing tB = timeSteps(matrices, x, y, options.batch(), options.steps());
            double prefill = timeSteps(matrices, x, y, options.promptTokens(), 1).seconds();
            double step1 = t1.seconds();
            double stepB = tB.seconds();

            return new Result(options.model().toString(), "linear layers (matmul only)", byType, Kernels.threads(),
                    Kernels.vectorBits(), options.batch(), options.promptTokens(), options.steps(), loadSeconds,
                    options.promptTokens() / prefill, step1 * 1e3, 1 / step1, stepB * 1e3, options.batch() / stepB,
                    stepB / step1, t1.cpuSeconds() * 1e3, tB.cpuSeconds() * 1e3, weightBytes, bandwidth, weightBytes / step1, weightBytes / step1 / bandwidth);
        }
    }

    private static List<WeightMatrix> streamedMatrices(GgufTensors gguf, Path file) {
        List<WeightMatrix> matrices = new ArrayList<>();
        GgufTensors.Tensor output = null;
        GgufTensors.Tensor embedding = null;
        for (GgufTensors.Tensor tensor : gguf.tensors()) {
            if (tensor.dims().length != 2) {
                continue;
            }
            switch (tensor.name()) {
                case "output.weight" -> output = tensor;
                case "token_embd.weight" -> embedding = tensor;
                default -> {
                    if (tensor.name().startsWith("blk.")) {
                        matrices.add(matrix(tensor));
                    }
                }
            }
        }
        GgufTensors.Tensor head = output != null ? output : embedding;
        if (head == null || matrices.isEmpty()) {
            throw BadInputException.at(file, "tensors", "llama weight matrices (blk.N.*.weight and output.weight or token_embd.weight)");
        }
        matrices.add(matrix(head));
        return matrices;
    }

    private static WeightMatrix matrix(GgufTensors.Tensor tensor) {
        // GGUF dims are (ne0 = row length, ne1 = rows).
        return WeightMatrices.of(tensor.type(), tensor.data(), Math.toIntExact(tensor.dims()[1]), Math.toIntExact(tensor.dims()[0]));
    }

    /** Mean wall-clock and calling-thread CPU seconds per step over {@code steps} steps. */
    private static Timing timeSteps(List<WeightMatrix> matrices, float[] x, float[] y, int batch, int steps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            step(matrices, x, y, batch);
        }
        long wall = System.nanoTime() - start;
        long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
        return new Timing(wall / 1e9 / steps, cpu / 1e9 / steps);
    }

    private static void step(List<WeightMatrix> matrices, float[] x, float[] y, int batch) {
        for (WeightMatrix matrix : matrices) {
            matrix.matmul(x, y, batch);
        }
    }
}
