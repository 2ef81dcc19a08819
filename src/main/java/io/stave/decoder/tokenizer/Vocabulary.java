package io.stave.decoder.tokenizer;

import java.util.HashMap;
import java.util.Map;

/**
 * A SentencePiece vocabulary in GGUF form: pieces with spaces written as '▁' (U+2581), merge
 * scores (higher merges first), token types and the special ids.
 *
 * @param addBos         whether encoding adds BOS by default
 * @param addSpacePrefix whether encoding prepends the dummy '▁'
 */
public record Vocabulary(String[] pieces, float[] scores, TokenType[] types, int bos, int eos, int unknown,
        boolean addBos, boolean addSpacePrefix) {

    public Vocabulary {
        if (scores.length != pieces.length || types.length != pieces.length) {
            throw new IllegalArgumentException("pieces, scores and types differ in length: " + pieces.length
                    + ", " + scores.length + ", " + types.length);
        }
    }

    public int size() {
        return pieces.length;
    }

    /** Piece text → id; on duplicates the lowest id wins, as in SentencePiece. */
    Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(pieces.length * 2);
        for (int id = pieces.length - 1; id >= 0; id--) {
            index.put(pieces[id], id);
        }
        return index;
    }
}
