package io.stave.decoder.model;

import io.stave.BadInputException;
import io.stave.decoder.tokenizer.Tokenizer;
import java.lang.foreign.Arena;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded Llama model: hyperparameters, weights (usually memory-mapped in place), tokenizer.
 * Thread-safe for reading; every {@link Session} has its own state.
 */
public final class Model implements AutoCloseable {

    private final String source;
    private final String format;
    private final LlamaConfig config;
    private final LlamaWeights weights;
    private final Tokenizer tokenizer;
    private final Set<Integer> stopTokens;
    private final Arena arena;

    /**
     * @param source     what was loaded (the model spec or path), for messages
     * @param format     the container, such as "gguf v3" or "llama2.c v0"
     * @param stopTokens ids that end a generation
     * @param arena      owns the mapped files and copied tensors; closed with the model
     */
    public Model(String source, String format, LlamaConfig config, LlamaWeights weights, Tokenizer tokenizer,
            Set<Integer> stopTokens, Arena arena) {
        this.source = Objects.requireNonNull(source);
        this.format = Objects.requireNonNull(format);
        this.config = Objects.requireNonNull(config);
        this.weights = Objects.requireNonNull(weights);
        this.tokenizer = Objects.requireNonNull(tokenizer);
        this.stopTokens = Set.copyOf(stopTokens);
        this.arena = arena;
    }

    public String source() {
        return source;
    }

    public String format() {
        return format;
    }

    public LlamaConfig config() {
        return config;
    }

    public LlamaWeights weights() {
        return weights;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Token ids that end a generation (EOS; for llama2.c models also BOS). */
    public Set<Integer> stopTokens() {
        return stopTokens;
    }

    /**
     * A new session with one bucket per RoPE base.
     *
     * @param ropeBases     the base of each bucket (N ≥ 1)
     * @param positionScale the linear interpolation ratio r (1 = none); angles use p / r
     * @param maxContext    positions to reserve; at most the model's context × r
     * @param kv            the KV cache element type
     * @throws BadInputException when the context is longer than the model's or a value is out of range
     */
    public Session newSession(double[] ropeBases, double positionScale, int maxContext, KvType kv) {
        if (ropeBases.length == 0) {
            throw new BadInputException(source + ": rope bases: expected at least one base");
        }
        for (double base : ropeBases) {
            if (!(base > 1.0) || Double.isInfinite(base)) {
                throw new BadInputException(source + ": rope base: expected a finite number > 1, got " + base);
            }
        }
        if (!(positionScale > 0) || Double.isInfinite(positionScale)) {
            throw new BadInputException(source + ": position scale: expected a finite number > 0, got "
                    + positionScale);
        }
        long limit = (long) Math.floor(config.contextLength() * Math.max(1.0, positionScale));
        if (maxContext < 1 || maxContext > limit) {
            throw new BadInputException(source + ": context: expected 1 to " + limit + " positions (the model's "
                    + config.contextLength() + (positionScale > 1 ? " × position scale " + positionScale : "")
                    + "), got " + maxContext);
        }
        long kvBytes = (long) ropeBases.length * config.layers() * 2 * config.kvDim() * maxContext * kv.bytes();
        long physical = physicalMemory();
        if (kvBytes > physical / 10 * 9) {
            throw new BadInputException(source + ": context: " + ropeBases.length + " bucket(s) × " + maxContext
                    + " positions need a " + kv + " KV cache of " + gib(kvBytes) + ", expected at most 90% of "
                    + "this machine's " + gib(physical) + " (use fewer positions or buckets, or --kv f16)");
        }
        return new LlamaSession(this, ropeBases.clone(), positionScale, maxContext, kv);
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** Total physical memory, or unlimited when the platform does not say. */
    private static long physicalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getTotalMemorySize() > 0) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /** A one-bucket session with the model's own base and scale. */
    public Session newSession(int maxContext) {
        return newSession(new double[] {config.ropeBase()}, config.ropeScale(), maxContext, KvType.F32);
    }

    @Override
    public void close() {
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
        }
    }
}
