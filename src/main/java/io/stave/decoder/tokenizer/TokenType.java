package io.stave.decoder.tokenizer;

/** SentencePiece / GGUF token types (spec/decoder.md §8.1), by their stored numbers. */
public enum TokenType {
    UNDEFINED, NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE;

    /** The type stored as {@code number}; unknown numbers read as NORMAL. */
    public static TokenType of(int number) {
        return number >= 0 && number < values().length ? values()[number] : NORMAL;
    }
}
