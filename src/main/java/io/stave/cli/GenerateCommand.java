package io.stave.cli;

import io.stave.BadInputException;
import io.stave.buckets.BucketGeneration;
import io.stave.buckets.BucketMixer;
import io.stave.buckets.MixRule;
import io.stave.buckets.Presets;
import io.stave.decoder.Generator;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.DefaultSampler;
import io.stave.decoder.sampler.Llama2cSampler;
import io.stave.decoder.sampler.Sampler;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stave generate}: stream a completion from a local model; speeds go to stderr at the end. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text with the in-process decoder, streaming it to stdout.")
public final class GenerateCommand implements Callable<Integer> {

    /** Which sampler draws tokens. */
    enum SamplerKind { DEFAULT, LLAMA2C }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "SPEC",
            description = "gguf:PATH, llama2c:PATH[,tokenizer=PATH] or hf:DIR.")
    String model;

    @Option(names = "--prompt", defaultValue = "", paramLabel = "TEXT", description = "Prompt text; BOS is added. Default: empty.")
    String prompt;

    @Option(names = "-n", defaultValue = "256", paramLabel = "N", description = "Most tokens to generate (default ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "Sampling temperature; 0 is greedy (default ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--top-p", defaultValue = "1", paramLabel = "P", description = "Nucleus mass; 1 keeps all (default ${DEFAULT-VALUE}).")
    float topP;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K", description = "Keep the K likeliest; 0 keeps all (default sampler only).")
    int topK;

    @Option(names = "--seed", paramLabel = "S", description = "RNG seed (default: the current time, printed at the end).")
    Long seed;

    @Option(names = "--sampler", defaultValue = "default", paramLabel = "NAME",
            description = "default or llama2c (llama2.c's xorshift sampler, to reproduce its seeded runs).")
    String samplerName;

    @Option(names = "--stop", paramLabel = "S", description = "Stop string (repeatable); it is not printed.")
    List<String> stops = new ArrayList<>();

    @Option(names = "--buckets", paramLabel = "PRESET|B1,B2,...",
            description = "Attention Buckets: one copy of the context per RoPE base, mixed per token"
                    + " (a preset such as toolbench-6 or rag-7, or bases). Default: the model's own base alone.")
    String buckets;

    @Option(names = "--mix", defaultValue = "code", paramLabel = "RULE",
            description = "How buckets are mixed: code (max-logit softmax weights over logits, as released)"
                    + " or paper (confidence-weighted probabilities). Default: ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--pi-scale", paramLabel = "R",
            description = "Linear positional interpolation ratio of every bucket (ToolLLaMA: 2). Default: the model's.")
    Double piScale;

    @Option(names = "--show-weights", description = "Print each step's bucket weights to stderr at the end.")
    boolean showWeights;

    @Option(names = "--kv", defaultValue = "f32", paramLabel = "TYPE", description = "KV cache type: f32 or f16 (default ${DEFAULT-VALUE}).")
    String kv;

    @Override
    public Integer call() {
        if (maxTokens < 0) {
            throw new BadInputException("-n: expected a number of tokens ≥ 0, got " + maxTokens);
        }
        if (temperature < 0 || !(topP > 0)) {
            throw new BadInputException("--temperature/--top-p: expected T ≥ 0 and P > 0, got " + temperature + ", " + topP);
        }
        KvType kvType = switch (kv.toLowerCase(Locale.ROOT)) {
            case "f32" -> KvType.F32;
            case "f16" -> KvType.F16;
            default -> throw new BadInputException("--kv: expected f32 or f16, got " + kv);
        };
        long actualSeed = seed != null ? seed : System.currentTimeMillis();
        Sampler sampler = switch (samplerName.toLowerCase(Locale.ROOT)) {
            case "default" -> new DefaultSampler(temperature, topK, topP, actualSeed);
            case "llama2c" -> new Llama2cSampler(temperature, topP, actualSeed);
            default -> throw new BadInputException("--sampler: expected default or llama2c, got " + samplerName);
        };
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Model loaded = ModelSpec.parse(model).load()) {
            int[] promptTokens = loaded.tokenizer().encode(prompt, true);
            List<Double> bases = buckets == null ? List.of(loaded.config().ropeBase()) : Presets.parse(buckets);
            MixRule rule = MixRule.parse(mix);
            double scale = piScale != null ? piScale : loaded.config().ropeScale();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new BadInputException("--pi-scale: expected a finite number above 0, got " + scale);
            }
            long limit = (long) Math.floor(loaded.config().contextLength() * Math.max(1.0, scale));
            if (promptTokens.length >= limit) {
                throw new BadInputException("--prompt: expected fewer than " + limit + " tokens (the model's context), found "
                        + promptTokens.length);
            }
            int context = (int) Math.min(limit, (long) promptTokens.length + maxTokens);
            // One bucket at the model's base with the code rule is plain decoding, bit for bit.
            BucketGeneration.Builder builder = BucketGeneration.builder(loaded).bases(bases).positionScale(scale)
                    .mix(rule).sampler(sampler).maxNewTokens(maxTokens).recordWeights(showWeights);
            stops.forEach(builder::stopString);
            double[] rowBases = bases.stream().mapToDouble(Double::doubleValue).toArray();
            try (Session session = loaded.newSession(rowBases, scale, context, kvType)) {
                out.print(prompt); // the continuation follows the prompt, as llama2.c prints it
                BucketGeneration.Result generated = builder.build().generate(session, promptTokens, text -> {
                    out.print(text);
                    out.flush();
                });
                Generator.Result result = generated.generation();
                out.println();
                out.flush();
                err.printf(Locale.ROOT, "prefill: %d tokens, %.1f tok/s; decode: %d tokens, %.1f tok/s; stop: %s; seed %d%n",
                        promptTokens.length, result.prefillTokensPerSecond(), result.tokens().length,
                        result.decodeTokensPerSecond(), result.stopReason().name().toLowerCase(Locale.ROOT), actualSeed);
                if (showWeights) {
                    printWeights(err, generated);
                }
                err.flush();
            }
        }
        return 0;
    }

    private static void printWeights(PrintWriter err, BucketGeneration.Result generated) {
        err.println("bucket weights per step (" + generated.mix().cliName() + " rule), bases "
                + String.join(" ", generated.bases().stream().map(Presets::format).toList()) + ":");
        int step = 0;
        for (BucketMixer.Step s : generated.steps()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d", step++));
            for (float w : s.weights()) {
                line.append(String.format(Locale.ROOT, " %.6f", w));
            }
            err.println(line);
        }
    }
}
