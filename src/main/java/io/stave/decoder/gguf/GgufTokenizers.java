package io.stave.decoder.gguf;

import io.stave.BadInputException;
import io.stave.decoder.tokenizer.ByteLevelBpeTokenizer;
import io.stave.decoder.tokenizer.SentencePieceTokenizer;
import io.stave.decoder.tokenizer.TokenType;
import io.stave.decoder.tokenizer.Tokenizer;
import io.stave.decoder.tokenizer.Vocabulary;
import java.util.List;

/** The tokenizer embedded in a GGUF ({@code tokenizer.ggml.*}, spec/decoder.md §5.1, §8.1). */
final class GgufTokenizers {

    private GgufTokenizers() {}

    static Tokenizer read(GgufFile gguf) {
        String model = gguf.string("tokenizer.ggml.model");
        List<?> tokens = gguf.array("tokenizer.ggml.tokens");
        if (tokens == null || tokens.isEmpty()) {
            throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.tokens: expected a non-empty string array");
        }
        String[] pieces = new String[tokens.size()];
        for (int i = 0; i < pieces.length; i++) {
            if (!(tokens.get(i) instanceof String s)) {
                throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.tokens[" + i + "]: expected a string");
            }
            pieces[i] = s;
        }
        return switch (model) {
            case "llama" -> new SentencePieceTokenizer(vocabulary(gguf, pieces), "sentencepiece-bpe (gguf llama)");
            case "gpt2" -> byteLevel(gguf, pieces);
            default -> throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.model: expected llama "
                    + "(SentencePiece) or gpt2 (byte-level BPE), found " + model);
        };
    }

    /** Llama-3 style: merges in {@code tokenizer.ggml.merges}, pre-tokenizer named by {@code tokenizer.ggml.pre}. */
    private static Tokenizer byteLevel(GgufFile gguf, String[] pieces) {
        List<?> stored = gguf.array("tokenizer.ggml.merges");
        if (stored == null) {
            throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.merges: expected the BPE merges of a gpt2 "
                    + "tokenizer, it is missing");
        }
        List<String> merges = new java.util.ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            if (!(stored.get(i) instanceof String s) || s.indexOf(' ') <= 0) {
                throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.merges[" + i
                        + "]: expected \"left right\", found " + stored.get(i));
            }
            merges.add(s);
        }
        Object pre = gguf.metadata().getOrDefault("tokenizer.ggml.pre", "llama-bpe");
        String pattern = switch (String.valueOf(pre)) {
            case "llama-bpe", "llama3", "llama-v3", "default" -> ByteLevelBpeTokenizer.LLAMA3_PATTERN;
            case "gpt-2", "gpt2" -> ByteLevelBpeTokenizer.GPT2_PATTERN;
            default -> throw new BadInputException(gguf.path() + ": metadata tokenizer.ggml.pre: expected llama-bpe or gpt-2, "
                    + "found " + pre);
        };
        Vocabulary v = vocabulary(gguf, pieces);
        return new ByteLevelBpeTokenizer(pieces, v.types(), merges, pattern, v.bos(), v.eos());
    }

    private static Vocabulary vocabulary(GgufFile gguf, String[] pieces) {
        float[] scores = new float[pieces.length];
        List<?> storedScores = gguf.array("tokenizer.ggml.scores");
        if (storedScores != null) {
            requireLength(gguf, "tokenizer.ggml.scores", storedScores, pieces.length);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = ((Number) storedScores.get(i)).floatValue();
            }
        }
        TokenType[] types = new TokenType[pieces.length];
        List<?> storedTypes = gguf.array("tokenizer.ggml.token_type");
        for (int i = 0; i < types.length; i++) {
            types[i] = TokenType.NORMAL;
        }
        if (storedTypes != null) {
            requireLength(gguf, "tokenizer.ggml.token_type", storedTypes, pieces.length);
            for (int i = 0; i < types.length; i++) {
                types[i] = TokenType.of(((Number) storedTypes.get(i)).intValue());
            }
        }
        return new Vocabulary(pieces, scores, types,
                special(gguf, "tokenizer.ggml.bos_token_id", 1, pieces.length),
                special(gguf, "tokenizer.ggml.eos_token_id", 2, pieces.length),
                special(gguf, "tokenizer.ggml.unknown_token_id", 0, pieces.length),
                gguf.bool("tokenizer.ggml.add_bos_token", true),
                gguf.bool("tokenizer.ggml.add_space_prefix", true));
    }

    private static void requireLength(GgufFile gguf, String key, List<?> values, int length) {
        if (values.size() != length) {
            throw new BadInputException(gguf.path() + ": metadata " + key + ": expected " + length
                    + " entries (one per token), found " + values.size());
        }
        for (Object v : values) {
            if (!(v instanceof Number)) {
                throw new BadInputException(gguf.path() + ": metadata " + key + ": expected numbers");
            }
        }
    }

    /** A special id; 0xFFFFFFFF (or anything outside the vocabulary) means none. */
    private static int special(GgufFile gguf, String key, int fallback, int vocabSize) {
        long id = gguf.integer(key, fallback);
        return id >= 0 && id < vocabSize ? (int) id : -1;
    }
}
