package io.stave.decoder.synth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A synthetic SentencePiece vocabulary as GGUF stores it (spec/decoder.md §5.1, §8.1): {@code <unk>},
 * {@code <s>}, {@code </s>}, the 256 byte pieces {@code <0x00>}…{@code <0xFF>}, then normal pieces
 * shortest first (every piece's prefix is itself a piece, so BPE can build it), scored so that
 * earlier pieces merge first.
 *
 * @param tokens piece texts, index = id
 * @param scores merge priority, higher first
 * @param types 1 normal, 2 unknown, 3 control, 6 byte
 */
public record SynthVocabulary(List<String> tokens, List<Float> scores, List<Integer> types) {

    public static final int UNK = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;

    private static final String ALPHABET = "▁etaoinshrdlucmfwypvbgkjqxzETAOINSHRDLUCMFWYPVBGKJQXZ0123456789.,!?'-:;\"()";

    public static SynthVocabulary of(int size) {
        if (size < 3 + 256 + ALPHABET.length()) {
            throw new IllegalArgumentException("a synthetic vocabulary needs at least " + (3 + 256 + ALPHABET.length()) + " pieces");
        }
        List<String> tokens = new ArrayList<>(size);
        List<Float> scores = new ArrayList<>(size);
        List<Integer> types = new ArrayList<>(size);
        add(tokens, scores, types, "<unk>", 0f, 2);
        add(tokens, scores, types, "<s>", 0f, 3);
        add(tokens, scores, types, "</s>", 0f, 3);
        for (int b = 0; b < 256; b++) {
            add(tokens, scores, types, String.format("<0x%02X>", b), 0f, 6);
        }
        Set<String> pieces = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        int[] chars = ALPHABET.codePoints().toArray();
        for (int c : chars) {
            queue.add(Character.toString(c));
        }
        while (tokens.size() + pieces.size() < size) {
            String piece = queue.removeFirst();
            if (pieces.add(piece)) {
                for (int c : chars) {
                    if (c != '▁') {
                        queue.addLast(piece + Character.toString(c));
                    }
                }
            }
        }
        int rank = 0;
        for (String piece : pieces) {
            add(tokens, scores, types, piece, -rank++, 1);
        }
        return new SynthVocabulary(List.copyOf(tokens), List.copyOf(scores), List.copyOf(types));
    }

    private static void add(List<String> tokens, List<Float> scores, List<Integer> types, String piece, float score, int type) {
        tokens.add(piece);
        scores.add(score);
        types.add(type);
    }
}
