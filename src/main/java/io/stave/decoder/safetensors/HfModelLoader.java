package io.stave.decoder.safetensors;

import io.stave.BadInputException;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.RopePairing;
import io.stave.decoder.model.Tensors;
import io.stave.decoder.tensor.WeightMatrix;
import io.stave.decoder.tokenizer.Tokenizer;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads a Hugging Face Llama folder: {@code config.json}, {@code *.safetensors} (one file or
 * sharded with {@code model.safetensors.index.json}) and {@code tokenizer.model} or {@code tokenizer.json}.
 *
 * <p>HF stores {@code q_proj}/{@code k_proj} rows permuted for the half-split RoPE kernel
 * (spec/decoder.md §3.2). This loader un-permutes them at load time
 * (adjacent row {@code h·d + 2j + s} = HF row {@code h·d + s·d/2 + j}), so every model runs with
 * adjacent pairs; {@link #load(Path, boolean)} can keep the HF layout and use the half-split
 * kernel instead.
 */
public final class HfModelLoader {

    private HfModelLoader() {}

    public static Model load(Path folder) {
        return load(folder, true);
    }

    /** @param unpermute true: reorder Q/K rows to adjacent pairs; false: keep HF rows and rotate half-split */
    public static Model load(Path folder, boolean unpermute) {
        Path configPath = folder.resolve("config.json");
        HfConfig hf = HfConfig.read(configPath);
        Arena arena = Arena.ofShared();
        try {
            Map<String, SafetensorsFile.Tensor> tensors = tensors(folder, arena);
            int vocab = (int) rowsOf(folder, tensors, "model.embed_tokens.weight");
            LlamaConfig config = hf.toConfig(vocab, unpermute ? RopePairing.ADJACENT : RopePairing.HALF_SPLIT);
            HfTensors read = new HfTensors(folder, tensors, arena);
            LlamaWeights weights = weights(read, config, hf.tieWordEmbeddings(), unpermute);
            Tokenizer tokenizer = tokenizer(folder, hf);
            if (tokenizer.vocabSize() > vocab) {
                throw new BadInputException(folder + ": tokenizer: expected at most " + vocab + " pieces (the rows of "
                        + "model.embed_tokens.weight), found " + tokenizer.vocabSize());
            }
            Set<Integer> stops = new HashSet<>();
            stops.add(hf.eosTokenId() >= 0 ? hf.eosTokenId() : tokenizer.eos());
            return new Model(folder.toString(), "hf safetensors", config, weights, tokenizer, stops, arena);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static long rowsOf(Path folder, Map<String, SafetensorsFile.Tensor> tensors, String name) {
        SafetensorsFile.Tensor t = tensors.get(name);
        if (t == null || t.shape().length != 2) {
            throw new BadInputException(folder + ": tensor " + name + ": expected a 2-D tensor, "
                    + (t == null ? "it is missing" : "found shape " + java.util.Arrays.toString(t.shape())));
        }
        return t.shape()[0];
    }

    /** tokenizer.model (SentencePiece protobuf) when present, else tokenizer.json. */
    private static Tokenizer tokenizer(Path folder, HfConfig hf) {
        Path model = folder.resolve("tokenizer.model");
        if (Files.isRegularFile(model)) {
            return SentencePieceModelReader.read(model);
        }
        Path json = folder.resolve("tokenizer.json");
        if (Files.isRegularFile(json)) {
            return HfTokenizerJsonReader.read(json, hf.bosTokenId(), hf.eosTokenId());
        }
        throw new BadInputException(folder + ": tokenizer: expected tokenizer.model or tokenizer.json in the folder");
    }

    /** Every tensor of the folder, from the shard index or from the single safetensors file(s). */
    private static Map<String, SafetensorsFile.Tensor> tensors(Path folder, Arena arena) {
        List<Path> files = new ArrayList<>();
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            Object json = HfConfig.readJson(index);
            if (!(json instanceof Map<?, ?> root) || !(root.get("weight_map") instanceof Map<?, ?> weightMap)) {
                throw new BadInputException(index + ": $.weight_map: expected an object of tensor name → file name");
            }
            for (Object file : new java.util.LinkedHashSet<>(weightMap.values())) {
                files.add(folder.resolve(String.valueOf(file)));
            }
        } else {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new BadInputException(folder + ": cannot list: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new BadInputException(folder + ": expected model.safetensors or a model.safetensors.index.json, found neither"
                    + " (pytorch_model.bin is not read; convert it to safetensors)");
        }
        Map<String, SafetensorsFile.Tensor> all = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(index + ": $.weight_map: expected the shard " + file.getFileName()
                        + ", it is missing");
            }
            all.putAll(SafetensorsFile.open(file, arena).tensors());
        }
        return all;
    }

    private static LlamaWeights weights(HfTensors t, LlamaConfig c, boolean tied, boolean unpermute) {
        WeightMatrix embedding = t.matrix("model.embed_tokens.weight", c.vocabSize(), c.dim());
        List<LlamaWeights.Layer> layers = new ArrayList<>();
        int d = c.headSize();
        for (int l = 0; l < c.layers(); l++) {
            String p = "model.layers." + l + ".";
            layers.add(new LlamaWeights.Layer(
                    t.vector(p + "input_layernorm.weight", c.dim()),
                    unpermute ? t.unpermuted(p + "self_attn.q_proj.weight", c.dim(), c.dim(), d)
                            : t.matrix(p + "self_attn.q_proj.weight", c.dim(), c.dim()),
                    unpermute ? t.unpermuted(p + "self_attn.k_proj.weight", c.kvDim(), c.dim(), d)
                            : t.matrix(p + "self_attn.k_proj.weight", c.kvDim(), c.dim()),
                    t.matrix(p + "self_attn.v_proj.weight", c.kvDim(), c.dim()),
                    t.matrix(p + "self_attn.o_proj.weight", c.dim(), c.dim()),
                    t.vector(p + "post_attention_layernorm.weight", c.dim()),
                    t.matrix(p + "mlp.gate_proj.weight", c.hiddenDim(), c.dim()),
                    t.matrix(p + "mlp.down_proj.weight", c.dim(), c.hiddenDim()),
                    t.matrix(p + "mlp.up_proj.weight", c.hiddenDim(), c.dim())));
        }
        WeightMatrix classifier = tied || !t.has("lm_head.weight") ? embedding
                : t.matrix("lm_head.weight", c.vocabSize(), c.dim());
        return new LlamaWeights(embedding, List.copyOf(layers), t.vector("model.norm.weight", c.dim()), classifier);
    }

}
