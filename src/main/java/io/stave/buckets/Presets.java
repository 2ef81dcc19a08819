package io.stave.buckets;

import io.stave.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published base lists as named presets (attention-buckets.md §4), all for a trained base of
 * 10000 and head size 128, and the parser of {@code --buckets PRESET|B1,B2,...}.
 */
public final class Presets {

    private static final Map<String, List<Double>> PRESETS = new LinkedHashMap<>();

    static {
        // ToolBench / ToolLLaMA-2-7b-v2 runs: inference/config.py base_list.
        PRESETS.put("toolbench-6", List.of(10000.0, 17500.0, 18000.0, 19000.0, 20000.0, 25000.0));
        PRESETS.put("toolbench-6-alt", List.of(10000.0, 15000.0, 17500.0, 18000.0, 19000.0, 20000.0));
        // "The 7-base set"; exactly MoICE's expert set, hence the alias moice-7.
        PRESETS.put("ab-7", List.of(10000.0, 17500.0, 18000.0, 19000.0, 20000.0, 22500.0, 25000.0));
        PRESETS.put("moice-7", PRESETS.get("ab-7"));
        PRESETS.put("ab-7-gap1000", List.of(10000.0, 17000.0, 18000.0, 19000.0, 20000.0, 23000.0, 25000.0));
        PRESETS.put("ab-7-gap2000", List.of(10000.0, 18000.0, 20000.0, 22000.0, 24000.0, 26000.0, 30000.0));
        PRESETS.put("highpoints-7", List.of(10000.0, 11000.0, 12000.0, 13000.0, 14000.0, 15000.0, 16000.0));
        // RAG (NQ, WebQ) with Llama-2-7b-chat: arithmetic, step 3000.
        PRESETS.put("rag-7", List.of(10000.0, 13000.0, 16000.0, 19000.0, 22000.0, 25000.0, 28000.0));
        // What the shipped search prints (§3.9); used in no experiment.
        PRESETS.put("search-6", List.of(10000.0, 18000.0, 19000.0, 20500.0, 24000.0, 24500.0));
        PRESETS.put("single", List.of(10000.0));
    }

    private Presets() {}

    /** Preset names in the spec's order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** The bases of a preset name, or of a comma-separated list of numbers. */
    public static List<Double> parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        List<Double> preset = PRESETS.get(text);
        if (preset != null) {
            return preset;
        }
        if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '.')) {
            throw new BadInputException("--buckets: expected a preset (" + String.join(", ", names())
                    + ") or a comma-separated list of bases, got \"" + spec + "\"");
        }
        List<Double> bases = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double base = Double.parseDouble(part.trim());
                if (!(base > 1) || Double.isInfinite(base)) {
                    throw new NumberFormatException();
                }
                bases.add(base);
            } catch (NumberFormatException e) {
                throw new BadInputException("--buckets: expected each base to be a number above 1, got \""
                        + part.trim() + "\" in \"" + spec + "\"");
            }
        }
        return List.copyOf(bases);
    }

    /** A base printed as the spec writes it: an integer when it is one. */
    public static String format(double base) {
        return base == Math.rint(base) && Math.abs(base) < 1e15 ? Long.toString((long) base) : Double.toString(base);
    }
}
