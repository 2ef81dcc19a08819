package io.stave.decoder.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * SentencePiece BPE with byte fallback (spec/decoder.md §8.2, §8.4), over a GGUF-style
 * {@link Vocabulary}. Merging uses a linked list of symbols and a max-heap keyed on (score,
 * leftmost position) with lazy invalidation, so long prompts encode in O(n log n).
 */
public final class SentencePieceTokenizer implements Tokenizer {

    static final char SPACE = '\u2581';

    private final Vocabulary vocabulary;
    private final Map<String, Integer> index;
    private final int[] byteIds = new int[256];
    private final int[] specials;
    private final String kind;

    public SentencePieceTokenizer(Vocabulary vocabulary, String kind) {
        this.vocabulary = vocabulary;
        this.index = vocabulary.index();
        this.kind = kind;
        this.specials = java.util.stream.IntStream.range(0, vocabulary.size())
                .filter(id -> vocabulary.types()[id] == TokenType.CONTROL || vocabulary.types()[id] == TokenType.UNKNOWN)
                .toArray();
        for (int b = 0; b < 256; b++) {
            byteIds[b] = index.getOrDefault(String.format("<0x%02X>", b), -1);
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        List<Integer> ids = new ArrayList<>();
        if (addBos && vocabulary.bos() >= 0) {
            ids.add(vocabulary.bos());
        }
        if (!text.isEmpty()) {
            String s = text.replace(' ', SPACE);
            if (vocabulary.addSpacePrefix()) {
                s = SPACE + s;
            }
            ids.addAll(merge(symbols(s)));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] encodeWithSpecialTokens(String text, boolean addBos) {
        List<Integer> ids = new ArrayList<>();
        if (addBos && vocabulary.bos() >= 0) {
            ids.add(vocabulary.bos());
        }
        int from = 0;
        while (from < text.length()) {
            int at = -1;
            int special = -1;
            for (int id : specials) {
                int found = text.indexOf(vocabulary.pieces()[id], from);
                // Earliest match; at the same place the longer piece.
                if (found >= 0 && (at < 0 || found < at
                        || (found == at && vocabulary.pieces()[id].length() > vocabulary.pieces()[special].length()))) {
                    at = found;
                    special = id;
                }
            }
            int end = at < 0 ? text.length() : at;
            for (int id : encode(text.substring(from, end), false)) {
                ids.add(id); // each chunk gets its own dummy prefix, as sp_model.encode gives it
            }
            if (at < 0) {
                break;
            }
            ids.add(special);
            from = at + vocabulary.pieces()[special].length();
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One symbol per code point: its piece, or its UTF-8 bytes as byte pieces. */
    private List<Symbol> symbols(String s) {
        List<Symbol> symbols = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            Integer id = index.get(ch);
            if (id != null) {
                symbols.add(new Symbol(id, ch));
            } else {
                for (byte b : ch.getBytes(StandardCharsets.UTF_8)) {
                    int byteId = byteIds[b & 0xFF];
                    // A byte piece's text never concatenates into a piece, so it never merges.
                    symbols.add(new Symbol(byteId >= 0 ? byteId : vocabulary.unknown(), null));
                }
            }
        });
        return symbols;
    }

    private static final class Symbol {
        int id;
        String text; // null for byte and unknown symbols
        int position;
        Symbol prev;
        Symbol next;
        int version;
        boolean alive = true;

        Symbol(int id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    private record Candidate(float score, int position, Symbol left, Symbol right, int leftVersion,
            int rightVersion, int merged) {}

    private List<Integer> merge(List<Symbol> symbols) {
        for (int i = 0; i < symbols.size(); i++) {
            Symbol s = symbols.get(i);
            s.position = i;
            s.prev = i > 0 ? symbols.get(i - 1) : null;
            s.next = i + 1 < symbols.size() ? symbols.get(i + 1) : null;
        }
        // Highest score first; on equal scores the leftmost pair.
        PriorityQueue<Candidate> heap = new PriorityQueue<>((a, b) -> a.score != b.score
                ? Float.compare(b.score, a.score)
                : Integer.compare(a.position, b.position));
        for (Symbol s : symbols) {
            offer(heap, s, s.next);
        }
        while (!heap.isEmpty()) {
            Candidate c = heap.poll();
            Symbol a = c.left;
            Symbol b = c.right;
            if (!a.alive || !b.alive || a.next != b || a.version != c.leftVersion || b.version != c.rightVersion) {
                continue; // stale: one side has merged since
            }
            a.id = c.merged;
            a.text = a.text + b.text;
            a.version++;
            b.alive = false;
            a.next = b.next;
            if (b.next != null) {
                b.next.prev = a;
            }
            offer(heap, a.prev, a);
            offer(heap, a, a.next);
        }
        List<Integer> ids = new ArrayList<>();
        for (Symbol s = symbols.isEmpty() ? null : symbols.getFirst(); s != null; s = s.next) {
            ids.add(s.id);
        }
        return ids;
    }

    private void offer(PriorityQueue<Candidate> heap, Symbol a, Symbol b) {
        if (a == null || b == null || a.text == null || b.text == null) {
            return;
        }
        Integer merged = index.get(a.text + b.text);
        if (merged != null) {
            heap.add(new Candidate(vocabulary.scores()[merged], a.position, a, b, a.version, b.version, merged));
        }
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int id : ids) {
            bytes.writeBytes(pieceBytes(previous, id));
            previous = id;
        }
        return new TokenDecoder(this, (p, t) -> new byte[0]).decodeAll(bytes.toByteArray());
    }

    @Override
    public TokenDecoder streamingDecoder() {
        return new TokenDecoder(this, this::pieceBytes);
    }

    /**
     * The bytes of one token: byte pieces give their byte, control pieces nothing, others their
     * text with '▁' as ' '. The leading space of the first piece after BOS (or of a sequence) is
     * dropped, as SentencePiece and llama2.c do.
     */
    byte[] pieceBytes(int previous, int id) {
        if (id < 0 || id >= vocabulary.size()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + vocabulary.size());
        }
        TokenType type = vocabulary.types()[id];
        if (type == TokenType.CONTROL || type == TokenType.UNUSED) {
            return new byte[0];
        }
        if (type == TokenType.BYTE) {
            String piece = vocabulary.pieces()[id];
            return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
        }
        String text = vocabulary.pieces()[id].replace(SPACE, ' ');
        if ((previous == -1 || previous == vocabulary.bos()) && text.startsWith(" ")) {
            text = text.substring(1);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public String piece(int id) {
        return vocabulary.pieces()[id];
    }

    @Override
    public int bos() {
        return vocabulary.bos();
    }

    @Override
    public int eos() {
        return vocabulary.eos();
    }

    @Override
    public String kind() {
        return kind;
    }
}
