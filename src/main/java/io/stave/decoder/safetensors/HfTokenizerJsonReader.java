package io.stave.decoder.safetensors;

import io.stave.BadInputException;
import io.stave.decoder.tokenizer.ByteLevelBpeTokenizer;
import io.stave.decoder.tokenizer.SentencePieceTokenizer;
import io.stave.decoder.tokenizer.TokenType;
import io.stave.decoder.tokenizer.Tokenizer;
import io.stave.decoder.tokenizer.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} with a BPE model, in either of the two Llama shapes:
 * <ul>
 *   <li>SentencePiece-converted (Llama-2: {@code byte_fallback}, pieces with '▁', a Prepend or
 *       Metaspace dummy prefix): read as a {@link SentencePieceTokenizer} whose piece scores are
 *       the negated rank of the first merge that makes the piece;</li>
 *   <li>byte-level (Llama-3: a Split regex and ByteLevel pre-tokenizer): read as a
 *       {@link ByteLevelBpeTokenizer} with the file's regex.</li>
 * </ul>
 * {@code added_tokens} marked special become control tokens.
 */
final class HfTokenizerJsonReader {

    private HfTokenizerJsonReader() {}

    static Tokenizer read(Path path, int bos, int eos) {
        if (!(HfConfig.readJson(path) instanceof Map<?, ?> root)) {
            throw new BadInputException(path + ": $: expected a JSON object");
        }
        if (!(root.get("model") instanceof Map<?, ?> model) || !"BPE".equals(model.get("type"))) {
            throw new BadInputException(path + ": $.model.type: expected BPE, found "
                    + (root.get("model") instanceof Map<?, ?> m ? m.get("type") : null));
        }
        if (!(model.get("vocab") instanceof Map<?, ?> vocab) || vocab.isEmpty()) {
            throw new BadInputException(path + ": $.model.vocab: expected an object of piece → id");
        }
        Map<String, Integer> ids = new HashMap<>();
        vocab.forEach((piece, id) -> ids.put((String) piece, id(path, "$.model.vocab['" + piece + "']", id)));
        Map<Integer, Boolean> special = new HashMap<>();
        if (root.get("added_tokens") instanceof List<?> added) {
            for (int i = 0; i < added.size(); i++) {
                if (added.get(i) instanceof Map<?, ?> token && token.get("content") instanceof String content) {
                    int id = id(path, "$.added_tokens[" + i + "].id", token.get("id"));
                    ids.put(content, id);
                    special.put(id, Boolean.TRUE.equals(token.get("special")));
                }
            }
        }
        int size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] pieces = new String[size];
        ids.forEach((piece, id) -> pieces[id] = piece);
        for (int id = 0; id < size; id++) {
            if (pieces[id] == null) {
                throw new BadInputException(path + ": $.model.vocab: expected ids 0 to " + (size - 1) + ", id " + id
                        + " is missing");
            }
        }
        List<String> merges = merges(path, model.get("merges"));
        TokenType[] types = new TokenType[size];
        boolean byteFallback = Boolean.TRUE.equals(model.get("byte_fallback")) || ids.containsKey("<0x00>");
        for (int id = 0; id < size; id++) {
            types[id] = special.getOrDefault(id, false) ? TokenType.CONTROL
                    : byteFallback && pieces[id].matches("<0x[0-9A-F]{2}>") ? TokenType.BYTE
                    : TokenType.NORMAL;
        }
        Object unk = model.get("unk_token");
        int unknown = unk instanceof String u && ids.containsKey(u) ? ids.get(u) : -1;
        if (unknown >= 0) {
            types[unknown] = TokenType.UNKNOWN;
        }
        bos = bos >= 0 && bos < size ? bos : -1;
        eos = eos >= 0 && eos < size ? eos : -1;
        if (!byteFallback) {
            return new ByteLevelBpeTokenizer(pieces, types, merges, splitRegex(root.get("pre_tokenizer")), bos, eos);
        }
        float[] scores = new float[size];
        Arrays.fill(scores, -1e30f); // pieces no merge makes are never preferred
        for (int rank = merges.size() - 1; rank >= 0; rank--) {
            Integer merged = ids.get(merges.get(rank).replace(" ", ""));
            if (merged != null) {
                scores[merged] = -rank;
            }
        }
        String prefixSettings = String.valueOf(root.get("normalizer")) + root.get("pre_tokenizer");
        boolean dummyPrefix = prefixSettings.contains("Prepend") || (prefixSettings.contains("Metaspace")
                && !prefixSettings.contains("prepend_scheme=never") && !prefixSettings.contains("add_prefix_space=false"));
        return new SentencePieceTokenizer(new Vocabulary(pieces, scores, types, bos, eos, unknown, true, dummyPrefix),
                "sentencepiece-bpe (tokenizer.json)");
    }

    private static int id(Path path, String where, Object value) {
        if (!(value instanceof Long l) || l < 0 || l > 10_000_000) {
            throw new BadInputException(path + ": " + where + ": expected a token id, found " + value);
        }
        return (int) (long) l;
    }

    /** Merges as "left right", from either the string form or the [left, right] form. */
    private static List<String> merges(Path path, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new BadInputException(path + ": $.model.merges: expected an array");
        }
        List<String> merges = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object m = list.get(i);
            if (m instanceof String s && s.indexOf(' ') > 0) {
                merges.add(s);
            } else if (m instanceof List<?> pair && pair.size() == 2) {
                merges.add(pair.get(0) + " " + pair.get(1));
            } else {
                throw new BadInputException(path + ": $.model.merges[" + i + "]: expected \"left right\" or [left, right]");
            }
        }
        return merges;
    }

    /** The first Split regex of the pre-tokenizer, else Llama-3's. */
    private static String splitRegex(Object preTokenizer) {
        if (preTokenizer instanceof Map<?, ?> map) {
            if (map.get("pattern") instanceof Map<?, ?> pattern && pattern.get("Regex") instanceof String regex) {
                return regex;
            }
            if (map.get("pretokenizers") instanceof List<?> list) {
                for (Object inner : list) {
                    String regex = splitRegex(inner);
                    if (!regex.equals(ByteLevelBpeTokenizer.LLAMA3_PATTERN)) {
                        return regex;
                    }
                }
            }
        }
        return ByteLevelBpeTokenizer.LLAMA3_PATTERN;
    }
}
