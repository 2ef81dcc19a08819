package io.stave.decoder.tokenizer;

/** Text to token ids and back. */
public interface Tokenizer {

    /** Encodes {@code text}, with BOS first when {@code addBos}. */
    int[] encode(String text, boolean addBos);

    /**
     * Like {@link #encode}, but the texts of control tokens written in the text (such as
     * {@code </s>}) become their ids, and the text between them is encoded piece by piece, as
     * Hugging Face's slow tokenizer does (the ToolBench path, spec/decoder.md §8.2).
     */
    default int[] encodeWithSpecialTokens(String text, boolean addBos) {
        return encode(text, addBos);
    }

    /** The text of a whole sequence (bytes gathered, then decoded as UTF-8 once). */
    String decode(int[] ids);

    /** A fresh streaming decoder that holds back incomplete UTF-8 sequences. */
    TokenDecoder streamingDecoder();

    int vocabSize();

    /** The stored piece of {@code id}, as the vocabulary writes it. */
    String piece(int id);

    /** Beginning-of-sequence id, or −1 when the vocabulary has none. */
    int bos();

    /** End-of-sequence id, or −1 when the vocabulary has none. */
    int eos();

    /** A short name of the algorithm, for {@code model info}. */
    String kind();
}
