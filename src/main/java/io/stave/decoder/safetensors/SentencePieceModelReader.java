package io.stave.decoder.safetensors;

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
import java.util.ArrayList;
import java.util.List;

/**
 * SentencePiece {@code tokenizer.model}, read straight from the protobuf wire format
 * (spec/decoder.md §8.3; {@code sentencepiece_model.proto}). Only the fields the tokenizer needs:
 * <pre>
 * ModelProto      1: repeated SentencePiece pieces   2: TrainerSpec   3: NormalizerSpec
 * SentencePiece   1: string piece   2: float score   3: enum type (1 normal … 6 byte)
 * TrainerSpec     40: unk_id   41: bos_id   42: eos_id   (defaults 0, 1, 2)
 * NormalizerSpec  3: bool add_dummy_prefix (default true)
 * </pre>
 */
public final class SentencePieceModelReader {

    private SentencePieceModelReader() {}

    public static SentencePieceTokenizer read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
        List<String> pieces = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<TokenType> types = new ArrayList<>();
        int[] specials = {0, 1, 2}; // unk, bos, eos
        boolean dummyPrefix = true;
        Wire model = new Wire(path, ByteBuffer.wrap(bytes));
        while (model.more()) {
            int key = model.key();
            int field = key >>> 3;
            if (field == 1 && (key & 7) == 2) {
                Wire piece = model.message();
                String text = "";
                float score = 0f;
                int type = 1;
                while (piece.more()) {
                    int k = piece.key();
                    switch (k) {
                        case (1 << 3) | 2 -> text = piece.string();
                        case (2 << 3) | 5 -> score = piece.float32();
                        case (3 << 3) -> type = (int) piece.varint();
                        default -> piece.skip(k);
                    }
                }
                pieces.add(text);
                scores.add(score);
                types.add(TokenType.of(type));
            } else if (field == 2 && (key & 7) == 2) {
                Wire trainer = model.message();
                while (trainer.more()) {
                    int k = trainer.key();
                    switch (k) {
                        case (40 << 3) -> specials[0] = (int) trainer.varint();
                        case (41 << 3) -> specials[1] = (int) trainer.varint();
                        case (42 << 3) -> specials[2] = (int) trainer.varint();
                        default -> trainer.skip(k);
                    }
                }
            } else if (field == 3 && (key & 7) == 2) {
                Wire normalizer = model.message();
                while (normalizer.more()) {
                    int k = normalizer.key();
                    if (k == (3 << 3)) {
                        dummyPrefix = normalizer.varint() != 0;
                    } else {
                        normalizer.skip(k);
                    }
                }
            } else {
                model.skip(key);
            }
        }
        if (pieces.isEmpty()) {
            throw new BadInputException(path + ": pieces (field 1): expected at least one SentencePiece, found none");
        }
        int n = pieces.size();
        float[] scoreArray = new float[n];
        for (int i = 0; i < n; i++) {
            scoreArray[i] = scores.get(i);
        }
        // Negative ids (−1) mean "none" in SentencePiece.
        int unk = specials[0] < n ? specials[0] : -1;
        int bos = specials[1] < n ? specials[1] : -1;
        int eos = specials[2] < n ? specials[2] : -1;
        return new SentencePieceTokenizer(new Vocabulary(pieces.toArray(String[]::new), scoreArray,
                types.toArray(TokenType[]::new), bos, eos, unk, true, dummyPrefix), "sentencepiece-bpe (tokenizer.model)");
    }

    /** A protobuf wire-format reader over one message. */
    private static final class Wire {
        private final Path path;
        private final ByteBuffer in;

        Wire(Path path, ByteBuffer in) {
            this.path = path;
            this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        }

        boolean more() {
            return in.hasRemaining();
        }

        int key() {
            return (int) varint();
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = in.get();
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw corrupt("a varint of at most 10 bytes");
        }

        float float32() {
            need(4);
            return in.getFloat();
        }

        String string() {
            ByteBuffer slice = bytes();
            byte[] b = new byte[slice.remaining()];
            slice.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        Wire message() {
            return new Wire(path, bytes());
        }

        private ByteBuffer bytes() {
            long length = varint();
            if (length < 0 || length > in.remaining()) {
                throw corrupt("a length within the message, found " + length);
            }
            ByteBuffer slice = in.slice(in.position(), (int) length);
            in.position(in.position() + (int) length);
            return slice;
        }

        void skip(int key) {
            switch (key & 7) {
                case 0 -> varint();
                case 1 -> {
                    need(8);
                    in.position(in.position() + 8);
                }
                case 2 -> bytes();
                case 5 -> {
                    need(4);
                    in.position(in.position() + 4);
                }
                default -> throw corrupt("a wire type 0, 1, 2 or 5, found " + (key & 7));
            }
        }

        private void need(int n) {
            if (in.remaining() < n) {
                throw corrupt(n + " more bytes (truncated)");
            }
        }

        private BadInputException corrupt(String expected) {
            return new BadInputException(path + ": protobuf at byte " + in.position() + ": expected " + expected);
        }
    }
}
