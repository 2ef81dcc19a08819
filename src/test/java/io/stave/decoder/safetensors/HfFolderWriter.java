package io.stave.decoder.safetensors;

import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.tensor.WeightMatrix;
import io.stave.decoder.tokenizer.SentencePieceTokenizer;
import io.stave.decoder.tokenizer.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face Llama folder from a loaded model, the way HF stores one: config.json,
 * safetensors in two shards with an index, Q/K rows permuted for the half-split kernel
 * (HF row h·d + s·d/2 + j = GGUF row h·d + 2j + s), and a SentencePiece tokenizer.model.
 */
final class HfFolderWriter {

    private HfFolderWriter() {}

    static void write(Model model, Path folder) throws IOException {
        write(model, folder, "F32");
    }

    /** @param dtype F32, F16 or BF16 for every tensor */
    static void write(Model model, Path folder, String dtype) throws IOException {
        Files.createDirectories(folder);
        LlamaConfig c = model.config();
        LlamaWeights w = model.weights();
        Map<String, float[][]> first = new LinkedHashMap<>();
        Map<String, float[][]> second = new LinkedHashMap<>();
        first.put("model.embed_tokens.weight", rows(w.tokenEmbedding()));
        for (int l = 0; l < c.layers(); l++) {
            Map<String, float[][]> shard = l < c.layers() / 2 ? first : second;
            LlamaWeights.Layer layer = w.layers().get(l);
            String p = "model.layers." + l + ".";
            shard.put(p + "input_layernorm.weight", new float[][] {layer.attentionNorm()});
            shard.put(p + "self_attn.q_proj.weight", permute(rows(layer.wq()), c.headSize()));
            shard.put(p + "self_attn.k_proj.weight", permute(rows(layer.wk()), c.headSize()));
            shard.put(p + "self_attn.v_proj.weight", rows(layer.wv()));
            shard.put(p + "self_attn.o_proj.weight", rows(layer.wo()));
            shard.put(p + "post_attention_layernorm.weight", new float[][] {layer.ffnNorm()});
            shard.put(p + "mlp.gate_proj.weight", rows(layer.w1()));
            shard.put(p + "mlp.down_proj.weight", rows(layer.w2()));
            shard.put(p + "mlp.up_proj.weight", rows(layer.w3()));
        }
        second.put("model.norm.weight", new float[][] {w.finalNorm()});
        writeSafetensors(folder.resolve("model-00001-of-00002.safetensors"), first, dtype);
        writeSafetensors(folder.resolve("model-00002-of-00002.safetensors"), second, dtype);
        StringBuilder index = new StringBuilder("{\"metadata\": {\"total_size\": 0}, \"weight_map\": {");
        List<String> entries = new ArrayList<>();
        first.keySet().forEach(k -> entries.add("\"" + k + "\": \"model-00001-of-00002.safetensors\""));
        second.keySet().forEach(k -> entries.add("\"" + k + "\": \"model-00002-of-00002.safetensors\""));
        index.append(String.join(", ", entries)).append("}}");
        Files.writeString(folder.resolve("model.safetensors.index.json"), index);
        Files.writeString(folder.resolve("config.json"), """
                {
                  "architectures": ["LlamaForCausalLM"],
                  "model_type": "llama",
                  "hidden_size": %d,
                  "intermediate_size": %d,
                  "num_hidden_layers": %d,
                  "num_attention_heads": %d,
                  "num_key_value_heads": %d,
                  "max_position_embeddings": 512,
                  "rms_norm_eps": 1e-05,
                  "vocab_size": %d,
                  "hidden_act": "silu",
                  "rope_theta": 10000.0,
                  "rope_scaling": null,
                  "tie_word_embeddings": true,
                  "bos_token_id": 1,
                  "eos_token_id": 2,
                  "torch_dtype": "float32"
                }
                """.formatted(c.dim(), c.hiddenDim(), c.layers(), c.heads(), c.kvHeads(), c.vocabSize()));
        writeTokenizerModel(((SentencePieceTokenizer) model.tokenizer()).vocabulary(), folder.resolve("tokenizer.model"));
    }

    static float[][] rows(WeightMatrix m) {
        float[][] out = new float[m.rows()][m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            m.dequantizeRow(r, out[r], 0);
        }
        return out;
    }

    /** GGUF (adjacent-pair) rows → HF (half-split) rows. */
    static float[][] permute(float[][] rows, int headSize) {
        float[][] out = new float[rows.length][];
        int half = headSize / 2;
        for (int h = 0; h < rows.length / headSize; h++) {
            for (int j = 0; j < half; j++) {
                for (int s = 0; s < 2; s++) {
                    out[h * headSize + s * half + j] = rows[h * headSize + 2 * j + s];
                }
            }
        }
        return out;
    }

    static void writeSafetensors(Path file, Map<String, float[][]> tensors, String dtype) throws IOException {
        int size = dtype.equals("F32") ? 4 : 2;
        StringBuilder header = new StringBuilder("{\"__metadata__\": {\"format\": \"pt\"}");
        long offset = 0;
        for (Map.Entry<String, float[][]> e : tensors.entrySet()) {
            float[][] t = e.getValue();
            boolean vector = t.length == 1 && !e.getKey().endsWith("proj.weight") && !e.getKey().contains("embed");
            long bytes = (long) size * t.length * t[0].length;
            String shape = vector ? "[" + t[0].length + "]" : "[" + t.length + ", " + t[0].length + "]";
            header.append(", \"").append(e.getKey()).append("\": {\"dtype\": \"").append(dtype).append("\", \"shape\": ").append(shape)
                    .append(", \"data_offsets\": [").append(offset).append(", ").append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append("}");
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate((int) (8 + json.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (float[][] t : tensors.values()) {
            for (float[] row : t) {
                for (float v : row) {
                    switch (dtype) {
                        case "F32" -> out.putFloat(v);
                        case "F16" -> out.putShort(Float.floatToFloat16(v));
                        default -> out.putShort((short) (Float.floatToRawIntBits(v) >>> 16)); // BF16, truncated
                    }
                }
            }
        }
        Files.write(file, out.array());
    }

    /** A minimal sentencepiece_model.proto ModelProto: the pieces and add_dummy_prefix. */
    static void writeTokenizerModel(Vocabulary v, Path file) throws IOException {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        for (int i = 0; i < v.size(); i++) {
            ByteArrayOutputStream piece = new ByteArrayOutputStream();
            byte[] text = v.pieces()[i].getBytes(StandardCharsets.UTF_8);
            piece.write(1 << 3 | 2);
            varint(piece, text.length);
            piece.writeBytes(text);
            piece.write(2 << 3 | 5);
            piece.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v.scores()[i]).array());
            piece.write(3 << 3);
            varint(piece, v.types()[i].ordinal());
            model.write(1 << 3 | 2);
            varint(model, piece.size());
            model.writeBytes(piece.toByteArray());
        }
        byte[] normalizer = {(byte) (3 << 3), 1};
        model.write(3 << 3 | 2);
        varint(model, normalizer.length);
        model.writeBytes(normalizer);
        Files.write(file, model.toByteArray());
    }

    /**
     * A Llama-2-style tokenizer.json: BPE with byte fallback, a Prepend '▁' normalizer, and merges
     * for every split of every normal piece, ordered by the piece's score (as HF's converter does).
     */
    static void writeTokenizerJson(Vocabulary v, Path file) throws IOException {
        StringBuilder vocab = new StringBuilder();
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            vocab.append(i == 0 ? "" : ", ").append(quote(v.pieces()[i])).append(": ").append(i);
            ids.putIfAbsent(v.pieces()[i], i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Float.compare(v.scores()[b], v.scores()[a]));
        List<String> merges = new ArrayList<>();
        for (int id : order) {
            String piece = v.pieces()[id];
            if (v.types()[id] != io.stave.decoder.tokenizer.TokenType.NORMAL || piece.codePointCount(0, piece.length()) < 2) {
                continue;
            }
            for (int k = 1; k < piece.length(); k++) {
                if (ids.containsKey(piece.substring(0, k)) && ids.containsKey(piece.substring(k))) {
                    merges.add(quote(piece.substring(0, k) + " " + piece.substring(k)));
                }
            }
        }
        Files.writeString(file, """
                {"version": "1.0",
                 "added_tokens": [{"id": 0, "content": "<unk>", "special": true},
                                  {"id": 1, "content": "<s>", "special": true},
                                  {"id": 2, "content": "</s>", "special": true}],
                 "normalizer": {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "\u2581"},
                                {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}]},
                 "pre_tokenizer": null,
                 "model": {"type": "BPE", "unk_token": "<unk>", "byte_fallback": true, "fuse_unk": true,
                           "vocab": {%s},
                           "merges": [%s]}}
                """.formatted(vocab, String.join(", ", merges)));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
