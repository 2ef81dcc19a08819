package io.stave.decoder.safetensors;

import io.stave.BadInputException;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.RopePairing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The fields of a Llama {@code config.json} the decoder uses (spec/decoder.md §7.2). */
record HfConfig(Path path, int hiddenSize, int intermediateSize, int layers, int heads, int kvHeads,
        int maxPositions, double rmsEps, double ropeTheta, double ropeScale, boolean tieWordEmbeddings,
        int bosTokenId, int eosTokenId) {

    static Object readJson(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path + ": expected JSON, " + e.getMessage());
        }
    }

    static HfConfig read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(path + ": expected the model's config.json, it is missing");
        }
        if (!(readJson(path) instanceof Map<?, ?> json)) {
            throw new BadInputException(path + ": $: expected a JSON object");
        }
        Object type = json.get("model_type");
        Object architectures = json.get("architectures");
        boolean llama = "llama".equals(type)
                || (architectures instanceof List<?> list && list.contains("LlamaForCausalLM"));
        if (!llama) {
            throw new BadInputException(path + ": $.model_type: expected llama, found " + type);
        }
        Object act = json.get("hidden_act");
        if (act != null && !"silu".equals(act)) {
            throw new BadInputException(path + ": $.hidden_act: expected silu, found " + act);
        }
        int heads = positive(path, json, "num_attention_heads", null);
        return new HfConfig(path,
                positive(path, json, "hidden_size", null),
                positive(path, json, "intermediate_size", null),
                positive(path, json, "num_hidden_layers", null),
                heads,
                positive(path, json, "num_key_value_heads", heads),
                positive(path, json, "max_position_embeddings", 2048),
                number(path, json, "rms_norm_eps", 1e-6),
                number(path, json, "rope_theta", 10000.0),
                ropeScale(path, json.get("rope_scaling")),
                Boolean.TRUE.equals(json.get("tie_word_embeddings")),
                integer(json, "bos_token_id", 1),
                integer(json, "eos_token_id", 2));
    }

    LlamaConfig toConfig(int vocabSize, RopePairing pairing) {
        if (hiddenSize % heads != 0 || heads % kvHeads != 0) {
            throw new BadInputException(path + ": $.num_attention_heads: expected hidden_size % heads == 0 and heads % "
                    + "num_key_value_heads == 0, found " + hiddenSize + ", " + heads + ", " + kvHeads);
        }
        return new LlamaConfig(hiddenSize, intermediateSize, layers, heads, kvHeads, vocabSize, maxPositions,
                (float) rmsEps, hiddenSize / heads, ropeTheta, ropeScale, pairing);
    }

    private static double ropeScale(Path path, Object scaling) {
        if (scaling == null) {
            return 1.0;
        }
        if (!(scaling instanceof Map<?, ?> map)) {
            throw new BadInputException(path + ": $.rope_scaling: expected null or an object, found " + scaling);
        }
        Object type = map.get("rope_type") != null ? map.get("rope_type") : map.get("type");
        if (!"linear".equals(type)) {
            throw new BadInputException(path + ": $.rope_scaling.type: expected linear, found " + type
                    + " (other RoPE scalings are not supported)");
        }
        if (!(map.get("factor") instanceof Number factor) || !(factor.doubleValue() > 0)) {
            throw new BadInputException(path + ": $.rope_scaling.factor: expected a positive number, found " + map.get("factor"));
        }
        return ((Number) map.get("factor")).doubleValue();
    }

    private static int positive(Path path, Map<?, ?> json, String key, Integer fallback) {
        Object value = json.get(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof Long l) || l <= 0 || l > Integer.MAX_VALUE) {
            throw new BadInputException(path + ": $." + key + ": expected a positive integer, found " + value);
        }
        return (int) (long) l;
    }

    private static double number(Path path, Map<?, ?> json, String key, double fallback) {
        Object value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number n)) {
            throw new BadInputException(path + ": $." + key + ": expected a number, found " + value);
        }
        return n.doubleValue();
    }

    private static int integer(Map<?, ?> json, String key, int fallback) {
        return json.get(key) instanceof Long l ? (int) (long) l : fallback;
    }
}
