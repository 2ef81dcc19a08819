package io.stave.decoder.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streaming detokenizer: each token adds bytes; complete UTF-8 characters come out at once, an
 * incomplete tail waits for the next token (spec/decoder.md §8.4). Invalid bytes become U+FFFD.
 */
public final class TokenDecoder {

    private final Tokenizer tokenizer;
    private final PieceBytes pieceBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private int previous = -1;

    /** The bytes a token contributes, given the token before it (−1 at the start). */
    @FunctionalInterface
    public interface PieceBytes {
        byte[] bytes(int previous, int token);
    }

    public TokenDecoder(Tokenizer tokenizer, PieceBytes pieceBytes) {
        this.tokenizer = tokenizer;
        this.pieceBytes = pieceBytes;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Tells the decoder which token came before the first one it will see (such as the last prompt token). */
    public TokenDecoder after(int previousToken) {
        this.previous = previousToken;
        return this;
    }

    /** The text that token {@code id} completes; possibly empty while a character is incomplete. */
    public String next(int id) {
        pending.writeBytes(pieceBytes.bytes(previous, id));
        previous = id;
        byte[] bytes = pending.toByteArray();
        int complete = completePrefix(bytes);
        pending.reset();
        pending.write(bytes, complete, bytes.length - complete);
        return decode(bytes, complete);
    }

    /** Whatever is still held back, decoded with replacement characters. */
    public String flush() {
        byte[] bytes = pending.toByteArray();
        pending.reset();
        return decode(bytes, bytes.length);
    }

    /** Decodes a whole byte sequence at once, with replacement characters for invalid bytes. */
    String decodeAll(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    private String decode(byte[] bytes, int length) {
        if (length == 0) {
            return "";
        }
        try {
            utf8.reset();
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** Length of the prefix that does not end inside a (possibly valid) multi-byte sequence. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        // Look back at most 3 bytes for a lead byte whose sequence is not yet complete.
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead
            }
            int need = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1;
            return back < need ? n - back : n;
        }
        return n;
    }
}
