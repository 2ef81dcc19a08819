package io.stave.decoder.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2-style byte-level BPE, as Llama-3 GGUFs store it ({@code tokenizer.ggml.model = gpt2}):
 * text is split by a pre-tokenizer regex, each piece's UTF-8 bytes are written with GPT-2's
 * byte-to-character table, then merged by rank (lowest first, all occurrences of the best pair
 * at once). Control tokens written literally in the text map to their ids.
 */
public final class ByteLevelBpeTokenizer implements Tokenizer {

    /** Llama-3's pre-tokenizer ({@code tokenizer.ggml.pre = llama-bpe}). */
    public static final String LLAMA3_PATTERN = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}"
            + "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    /** GPT-2's original pre-tokenizer. */
    public static final String GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    private static final char[] BYTE_TO_CHAR = new char[256];
    private static final Map<Character, Integer> CHAR_TO_BYTE = new HashMap<>();

    static {
        // GPT-2 bytes_to_unicode: printable Latin-1 bytes map to themselves, the rest to 256 + n.
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = (char) (printable ? b : 256 + n++);
            CHAR_TO_BYTE.put(BYTE_TO_CHAR[b], b);
        }
    }

    private final String[] tokens;
    private final TokenType[] types;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> mergeRanks = new HashMap<>();
    private final Pattern preTokenizer;
    private final Pattern specials;
    private final int bos;
    private final int eos;
    private final Map<String, int[]> cache = new HashMap<>();

    /**
     * @param merges "left right" strings, highest priority first
     */
    public ByteLevelBpeTokenizer(String[] tokens, TokenType[] types, List<String> merges, String preTokenizerRegex,
            int bos, int eos) {
        this.tokens = tokens;
        this.types = types;
        for (int id = tokens.length - 1; id >= 0; id--) {
            ids.put(tokens[id], id);
        }
        for (int rank = 0; rank < merges.size(); rank++) {
            mergeRanks.putIfAbsent(merges.get(rank), rank);
        }
        this.preTokenizer = Pattern.compile(preTokenizerRegex);
        List<String> control = new ArrayList<>();
        for (int id = 0; id < tokens.length; id++) {
            if (types[id] == TokenType.CONTROL || types[id] == TokenType.USER_DEFINED) {
                control.add(Pattern.quote(tokens[id]));
            }
        }
        control.sort((a, b) -> b.length() - a.length()); // longest first
        this.specials = control.isEmpty() ? null : Pattern.compile(String.join("|", control));
        this.bos = bos;
        this.eos = eos;
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        List<Integer> out = new ArrayList<>();
        if (addBos && bos >= 0) {
            out.add(bos);
        }
        int from = 0;
        if (specials != null) {
            Matcher m = specials.matcher(text);
            while (m.find()) {
                encodeOrdinary(text.substring(from, m.start()), out);
                out.add(ids.get(m.group()));
                from = m.end();
            }
        }
        encodeOrdinary(text.substring(from), out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void encodeOrdinary(String text, List<Integer> out) {
        Matcher m = preTokenizer.matcher(text);
        while (m.find()) {
            for (int id : cache.computeIfAbsent(m.group(), this::bpe)) {
                out.add(id);
            }
        }
    }

    /** Merges one pre-token, lowest rank first. */
    private int[] bpe(String piece) {
        List<String> symbols = new ArrayList<>();
        for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
            symbols.add(String.valueOf(BYTE_TO_CHAR[b & 0xFF]));
        }
        while (symbols.size() > 1) {
            int bestRank = Integer.MAX_VALUE;
            String bestLeft = null;
            String bestRight = null;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer rank = mergeRanks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    bestLeft = symbols.get(i);
                    bestRight = symbols.get(i + 1);
                }
            }
            if (bestLeft == null) {
                break;
            }
            List<String> merged = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {
                if (i + 1 < symbols.size() && symbols.get(i).equals(bestLeft) && symbols.get(i + 1).equals(bestRight)) {
                    merged.add(bestLeft + bestRight);
                    i++;
                } else {
                    merged.add(symbols.get(i));
                }
            }
            symbols = merged;
        }
        int[] out = new int[symbols.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(symbols.get(i));
            if (id == null) {
                throw new IllegalStateException("byte-level vocabulary lacks the symbol " + symbols.get(i));
            }
            out[i] = id;
        }
        return out;
    }

    /** The bytes of a token: its characters mapped back through the byte table; control tokens give nothing. */
    byte[] pieceBytes(int previous, int id) {
        if (types[id] == TokenType.CONTROL) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String token = tokens[id];
        for (int i = 0; i < token.length(); i++) {
            Integer b = CHAR_TO_BYTE.get(token.charAt(i));
            if (b != null) {
                bytes.write(b);
            } else {
                bytes.writeBytes(String.valueOf(token.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(pieceBytes(-1, id));
        }
        return new TokenDecoder(this, (p, t) -> new byte[0]).decodeAll(bytes.toByteArray());
    }

    @Override
    public TokenDecoder streamingDecoder() {
        return new TokenDecoder(this, this::pieceBytes);
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }

    @Override
    public String piece(int id) {
        return tokens[id];
    }

    @Override
    public int bos() {
        return bos;
    }

    @Override
    public int eos() {
        return eos;
    }

    @Override
    public String kind() {
        return "byte-level bpe (gguf gpt2)";
    }
}
