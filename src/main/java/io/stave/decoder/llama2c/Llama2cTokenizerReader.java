package io.stave.decoder.llama2c;

import io.stave.BadInputException;
import io.stave.decoder.tokenizer.SentencePieceTokenizer;
import io.stave.decoder.tokenizer.TokenType;
import io.stave.decoder.tokenizer.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The llama2.c tokenizer {@code .bin} (spec/decoder.md §8.3): {@code int32 max_token_length}, then
 * V records {@code float32 score, int32 len, u8[len] piece}. V comes from the model header.
 * Pieces are turned into GGUF form (' ' → '▁') so one SentencePiece algorithm serves both; the
 * dummy prefix is then the same as llama2.c's separate {@code " "} piece.
 */
public final class Llama2cTokenizerReader {

    private static final Pattern BYTE_PIECE = Pattern.compile("<0x[0-9A-F]{2}>");

    private Llama2cTokenizerReader() {}

    public static SentencePieceTokenizer read(Path path, int vocabSize) {
        return read(path, vocabSize, true);
    }

    /** @param dummyPrefix whether encoding prepends the dummy space; some llama2.c models are trained without */
    public static SentencePieceTokenizer read(Path path, int vocabSize, boolean dummyPrefix) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read the tokenizer: " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        String[] pieces = new String[vocabSize];
        float[] scores = new float[vocabSize];
        TokenType[] types = new TokenType[vocabSize];
        need(path, in, 4, "max_token_length");
        in.getInt();
        for (int id = 0; id < vocabSize; id++) {
            need(path, in, 8, "token " + id);
            scores[id] = in.getFloat();
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new BadInputException(path + ": token " + id + ": expected a piece length within the file, found "
                        + length + " (truncated, or the tokenizer has fewer than the model's " + vocabSize + " pieces)");
            }
            byte[] piece = new byte[length];
            in.get(piece);
            String text = new String(piece, StandardCharsets.UTF_8);
            types[id] = id == 0 ? TokenType.UNKNOWN
                    : id == 1 || id == 2 ? TokenType.CONTROL
                    : BYTE_PIECE.matcher(text).matches() ? TokenType.BYTE
                    : TokenType.NORMAL;
            pieces[id] = text.replace(' ', '\u2581');
        }
        // llama2.c: BOS 1, EOS 2, UNK 0; BOS added, dummy prefix on.
        return new SentencePieceTokenizer(new Vocabulary(pieces, scores, types, 1, 2, 0, true, dummyPrefix),
                "sentencepiece-bpe (llama2.c tokenizer.bin)");
    }

    private static void need(Path path, ByteBuffer in, int bytes, String what) {
        if (in.remaining() < bytes) {
            throw new BadInputException(path + ": " + what + ": expected " + bytes + " more bytes, the file ends"
                    + " (truncated)");
        }
    }
}
