package io.stave.decoder.perf;

import io.stave.BadInputException;
import io.stave.decoder.gguf.GgufFile;
import io.stave.decoder.gguf.GgufModelLoader;
import io.stave.decoder.gguf.GgufTensor;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.tensor.Kernels;
import io.stave.decoder.tensor.WeightMatrices;
import io.stave.decoder.tensor.WeightMatrix;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Times decoding a GGUF model on memory-mapped weights: a P-token prefill, then decode steps of
 * one sequence and of B sequences together (B buckets of one {@link Session}, which share each
 * pass over the weights). With {@code kernelsOnly}, only the linear layers are timed: every weight
 * matrix a token's forward pass streams, multiplied with batch 1, B and P.
 *
 * <p>"Weights read per step" counts every matrix a step streams (the layers' q, k, v, o, gate,
 * up, down and the output matrix; not the embedding table, of which a step reads one row). Beside
 * it, a streaming read over the same mapping measures the memory bandwidth, so the report can say
 * which fraction of it decoding reaches (spec/decoder.md §10).
 */
public final class DecodeBenchmark {

    /**
     * @param model a GGUF file
     * @param batch sequences decoded together (B)
     * @param threads worker threads for the kernels and the bandwidth probe
     * @param promptTokens prompt length P for the prefill figure
     * @param steps decode steps timed per batch size and round (the full forward pass takes the median of three
     *     rounds, batch 1 and batch B in turn)
     * @param kernelsOnly time the weight matrices' matmuls alone, without the rest of the forward pass
     */
    public record Options(Path model, int batch, int threads, int promptTokens, int steps, boolean kernelsOnly) {
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
            double bandwidthFraction, Memory memory) {}

    /**
     * Memory of the full forward pass (null for {@code --kernels-only}): the mapped GGUF file and
     * its resident file-backed pages, the batch-B session's KV caches, and how much the process's
     * resident anonymous memory grew from before that session was opened to its last timed step
     * (-1 where the operating system does not say).
     */
    public record Memory(long mappedFileBytes, long residentFileBytes, long kvCacheBytesBatchB, long anonymousGrowthBatchB) {}

    private record Timing(double seconds, double cpuSeconds) {}

    /** Rounds of alternating batch-1 and batch-B steps in the full forward pass. */
    private static final int ROUNDS = 3;

    /** The round with the median wall time. */
    private static Timing median(Timing[] rounds) {
        Timing[] sorted = rounds.clone();
        Arrays.sort(sorted, java.util.Comparator.comparingDouble(Timing::seconds));
        return sorted[sorted.length / 2];
    }

    private DecodeBenchmark() {}

    public static Result run(Options options) throws IOException {
        if (!Files.isRegularFile(options.model())) {
            throw BadInputException.at(options.model(), "--model", "an existing GGUF file");
        }
        Kernels.setThreads(options.threads());
        return options.kernelsOnly() ? kernels(options) : forwardPass(options);
    }

    private static Result forwardPass(Options options) throws IOException {
        long loadStart = System.nanoTime();
        try (Model model = GgufModelLoader.load(options.model())) {
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            LlamaWeights weights = model.weights();
            List<WeightMatrix> matrices = new ArrayList<>();
            for (LlamaWeights.Layer layer : weights.layers()) {
                matrices.addAll(List.of(layer.wq(), layer.wk(), layer.wv(), layer.wo(), layer.w1(), layer.w2(), layer.w3()));
            }
            matrices.add(weights.classifier());
            long weightBytes = 0;
            Map<String, Integer> byType = new TreeMap<>();
            for (WeightMatrix m : matrices) {
                weightBytes += m.data().byteSize();
                byType.merge(m.type().name(), 1, Integer::sum);
            }
            // The probe maps the file a second time; unmapped before the sessions, so that the
            // resident figures below count the model's own mapping only.
            double bandwidth;
            long fileBytes;
            try (Arena arena = Arena.ofShared()) {
                GgufFile gguf = GgufFile.open(options.model(), arena);
                fileBytes = gguf.segment().byteSize();
                bandwidth = BandwidthProbe.measure(gguf.segment(), options.threads(), 3);
            }

            int context = options.promptTokens() + (ROUNDS + 1) * options.steps() + 4;
            int[] prompt = new SplittableRandom(1).ints(options.promptTokens(), 3, model.config().vocabSize()).toArray();
            double base = model.config().ropeBase();
            // Warm-up: the same prefill and a few steps, so that the JIT has compiled every kernel
            // at the shapes timed below (a figure is for steady state, not for the compiler), and
            // the pages are faulted in.
            try (Session warm = model.newSession(new double[] {base}, 1, context, KvType.F32)) {
                warm.prefill(prompt);
                appendSteps(warm, 4);
            }
            double prefill;
            Timing[] t1 = new Timing[ROUNDS];
            Timing[] tB = new Timing[ROUNDS];
            double[] bases = new double[options.batch()];
            Arrays.fill(bases, base);
            ResidentMemory before;
            ResidentMemory during;
            long kvBytes;
            try (Session one = model.newSession(new double[] {base}, 1, context, KvType.F32)) {
                long start = System.nanoTime();
                one.prefill(prompt);
                prefill = (System.nanoTime() - start) / 1e9;
                appendSteps(one, options.steps());
                before = ResidentMemory.now();
                try (Session many = model.newSession(bases, 1, context, KvType.F32)) {
                    many.prefill(prompt);
                    appendSteps(many, 1);
                    // Batch 1 and batch B take turns, so that both see the same machine: on a
                    // shared host the bandwidth left to this process changes from one second to
                    // the next. Each figure is the median of its rounds.
                    for (int round = 0; round < ROUNDS; round++) {
                        t1[round] = appendSteps(one, options.steps());
                        tB[round] = appendSteps(many, options.steps());
                    }
                    during = ResidentMemory.now();
                    kvBytes = many.kvCacheBytes();
                }
            }
            Memory memory = new Memory(fileBytes, during.known() ? during.fileBytes() : -1, kvBytes,
                    before.known() && during.known() ? during.anonymousBytes() - before.anonymousBytes() : -1);
            return result(options, "full forward pass (Session.prefill / append)", byType, loadSeconds,
                    options.promptTokens() / prefill, median(t1), median(tB), weightBytes, bandwidth, memory);
        }
    }

    /** Feeds {@code steps} tokens, each the argmax of the first bucket's logits. */
    private static Timing appendSteps(Session session, int steps) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            float[] logits = session.logits()[0];
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            session.append(best);
        }
        long wall = System.nanoTime() - start;
        long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
        return new Timing(wall / 1e9 / steps, cpu / 1e9 / steps);
    }

    private static Result result(Options options, String mode, Map<String, Integer> byType, double loadSeconds,
            double prefillTokensPerSecond, Timing t1, Timing tB, long weightBytes, double bandwidth, Memory memory) {
        double step1 = t1.seconds();
        double stepB = tB.seconds();
        return new Result(options.model().toString(), mode, byType, Kernels.threads(), Kernels.vectorBits(),
                options.batch(), options.promptTokens(), options.steps(), loadSeconds, prefillTokensPerSecond,
                step1 * 1e3, 1 / step1, stepB * 1e3, options.batch() / stepB, stepB / step1,
                t1.cpuSeconds() * 1e3, tB.cpuSeconds() * 1e3, weightBytes, bandwidth, weightBytes / step1,
                weightBytes / step1 / bandwidth, memory);
    }

    private static Result kernels(Options options) throws IOException {
        long loadStart = System.nanoTime();
        try (Arena arena = Arena.ofShared()) {
            GgufFile gguf = GgufFile.open(options.model(), arena);
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

            // Warm-up: faults the pages in and lets the JIT compile the one-row and grouped kernels.
            step(matrices, x, y, 1);
            step(matrices, x, y, options.batch());
            step(matrices, x, y, 1);

            Timing t1 = timeSteps(matrices, x, y, 1, options.steps());
            Timing tB = timeSteps(matrices, x, y, options.batch(), options.steps());
            double prefill = timeSteps(matrices, x, y, options.promptTokens(), 1).seconds();
            return result(options, "linear layers only (matmul)", byType, loadSeconds, options.promptTokens() / prefill,
                    t1, tB, weightBytes, bandwidth, null);
        }
    }

    private static List<WeightMatrix> streamedMatrices(GgufFile gguf, Path file) {
        List<WeightMatrix> matrices = new ArrayList<>();
        GgufTensor output = null;
        GgufTensor embedding = null;
        for (GgufTensor tensor : gguf.tensors().values()) {
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
        GgufTensor head = output != null ? output : embedding;
        if (head == null || matrices.isEmpty()) {
            throw BadInputException.at(file, "tensors", "llama weight matrices (blk.N.*.weight and output.weight or token_embd.weight)");
        }
        matrices.add(matrix(head));
        return matrices;
    }

    private static WeightMatrix matrix(GgufTensor tensor) {
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
