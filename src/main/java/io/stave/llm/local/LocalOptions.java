package io.stave.llm.local;

import io.stave.BadInputException;
import io.stave.buckets.MixRule;
import io.stave.buckets.Presets;
import io.stave.decoder.model.KvType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decoding options of a local model SPEC:
 *
 * <pre>
 * gguf:PATH | llama2c:PATH[,tokenizer=PATH] | hf:DIR
 *   [,preset=toolllama-2-7b-v2]    pi-scale 2, context 8192, temperature 0.5, 512 new tokens (attention-buckets.md §6.1)
 *   [,buckets=PRESET|B1;B2;…]      one bucket per RoPE base; bases separated by ';' (the comma separates options)
 *   [,mix=code|paper]              bucket mixing rule (default code)
 *   [,pi-scale=R]                  linear position interpolation ratio (default: the model's own)
 *   [,temperature=T]               default: the run's (0.5 in ToolBench); 0 is greedy
 *   [,max-new-tokens=N]            default: the run's (512 in ToolBench)
 *   [,context=C]                   positions per session (default: the model's context × pi-scale)
 *   [,seed=S]                      run seed; each call's sampling seed is derived from it and the prompt (default 0)
 *   [,kv=f32|f16]                  KV cache element type (default f32, as ToolBench loads ToolLLaMA)
 *   [,sessions=N]                  decoder sessions kept for KV reuse (default 4; 0 recomputes every prompt)
 *   [,kv-memory=MIB]               KV memory the kept sessions may take together (default 4096)
 * </pre>
 *
 * The run's decoding settings are the defaults (see {@link #parse(String, double, int)}); a preset
 * overrides them, and the other options override a preset's values, whatever their order.
 *
 * @param model       the decoder's own SPEC ({@code kind:PATH[,tokenizer=PATH]})
 * @param bases       bucket bases, or null for one bucket at the model's base
 * @param bucketsName what {@code buckets=} said (a preset name or the list), or null
 * @param positionScale the PI ratio, or null for the model's own
 * @param context     positions per session, or null for the model's context × scale
 */
public record LocalOptions(String model, List<Double> bases, String bucketsName, MixRule mix, Double positionScale,
        double temperature, int maxNewTokens, Integer context, long seed, KvType kvType, int sessions,
        long kvMemoryBytes, String preset) {

    public static final String TOOLLLAMA_2_7B_V2 = "toolllama-2-7b-v2";

    /** True for the SPEC kinds the local decoder serves. */
    public static boolean isLocal(String spec) {
        return spec.startsWith("gguf:") || spec.startsWith("llama2c:") || spec.startsWith("hf:");
    }

    /** The options of {@code spec}, with ToolBench's temperature 0.5 and 512 new tokens by default. */
    public static LocalOptions parse(String spec) {
        return parse(spec, 0.5, 512);
    }

    /** The options of {@code spec}, with the run's temperature and max new tokens where the SPEC names none. */
    public static LocalOptions parse(String spec, double defaultTemperature, int defaultMaxNewTokens) {
        String[] parts = spec.split(",");
        StringBuilder model = new StringBuilder(parts[0]);
        String preset = null;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("preset=")) {
                preset = parts[i].substring("preset=".length());
                if (!preset.equals(TOOLLLAMA_2_7B_V2)) {
                    throw new BadInputException("--model " + spec + ": option preset: expected " + TOOLLLAMA_2_7B_V2
                            + ", got \"" + preset + "\"");
                }
            }
        }
        List<Double> bases = null;
        String bucketsName = null;
        MixRule mix = MixRule.CODE;
        Double scale = preset != null ? 2.0 : null;
        double temperature = preset != null ? 0.5 : defaultTemperature;
        int maxNewTokens = preset != null ? 512 : defaultMaxNewTokens;
        Integer context = preset != null ? 8192 : null;
        long seed = 0;
        KvType kv = KvType.F32;
        int sessions = 4;
        long kvMemory = 4096L << 20;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            switch (key) {
                case "preset" -> { }
                case "tokenizer" -> model.append(',').append(part);
                case "buckets" -> {
                    bucketsName = value;
                    try {
                        bases = Presets.parse(value.replace(';', ','));
                    } catch (BadInputException e) {
                        throw new BadInputException("--model " + spec + ": option buckets: expected a preset ("
                                + String.join(", ", Presets.names()) + ") or bases separated by ';', got \"" + value
                                + "\"");
                    }
                }
                case "mix" -> mix = switch (value) {
                    case "code" -> MixRule.CODE;
                    case "paper" -> MixRule.PAPER;
                    default -> throw bad(spec, key, "code or paper", value);
                };
                case "pi-scale" -> scale = positive(spec, key, value);
                case "temperature" -> {
                    temperature = number(spec, key, value);
                    if (temperature < 0) {
                        throw bad(spec, key, "a number ≥ 0", value);
                    }
                }
                case "max-new-tokens" -> maxNewTokens = count(spec, key, value);
                case "context" -> context = count(spec, key, value);
                case "seed" -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw bad(spec, key, "an integer", value);
                    }
                }
                case "kv" -> kv = switch (value.toLowerCase(Locale.ROOT)) {
                    case "f32" -> KvType.F32;
                    case "f16" -> KvType.F16;
                    default -> throw bad(spec, key, "f32 or f16", value);
                };
                case "sessions" -> sessions = value.equals("0") ? 0 : count(spec, key, value);
                case "kv-memory" -> kvMemory = (long) count(spec, key, value) << 20;
                default -> throw new BadInputException("--model " + spec + ": option \"" + part + "\": expected one of"
                        + " preset, buckets, mix, pi-scale, temperature, max-new-tokens, context, seed, kv, sessions,"
                        + " kv-memory" + (parts[0].startsWith("llama2c:") ? ", tokenizer" : ""));
            }
        }
        return new LocalOptions(model.toString(), bases, bucketsName, mix, scale, temperature, maxNewTokens, context,
                seed, kv, sessions, kvMemory, preset);
    }

    /** Every decoding and bucket parameter, in a fixed order, for the completion's id. */
    public List<String> describe(List<Double> usedBases, double usedScale, int usedContext) {
        List<String> out = new ArrayList<>();
        if (preset != null) {
            out.add("preset=" + preset);
        }
        out.add("buckets=" + String.join(";", usedBases.stream().map(Presets::format).toList()));
        out.add("mix=" + mix.cliName());
        out.add("pi-scale=" + Presets.format(usedScale));
        out.add("temperature=" + temperature);
        out.add("max-new-tokens=" + maxNewTokens);
        out.add("context=" + usedContext);
        out.add("seed=" + seed);
        out.add("kv=" + kvType.name().toLowerCase(Locale.ROOT));
        out.add("stop=eos");
        return out;
    }

    private static BadInputException bad(String spec, String key, String expected, String value) {
        return new BadInputException("--model " + spec + ": option " + key + ": expected " + expected + ", got \""
                + value + "\"");
    }

    private static double number(String spec, String key, String value) {
        try {
            double x = Double.parseDouble(value);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw bad(spec, key, "a number", value);
        }
    }

    private static double positive(String spec, String key, String value) {
        double x = number(spec, key, value);
        if (!(x > 0)) {
            throw bad(spec, key, "a number > 0", value);
        }
        return x;
    }

    private static int count(String spec, String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(spec, key, "a positive integer", value);
        }
    }
}
