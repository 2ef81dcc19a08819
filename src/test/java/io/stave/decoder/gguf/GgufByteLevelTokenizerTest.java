package io.stave.decoder.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.tokenizer.Tokenizer;
import io.stave.decoder.tokenizer.TokenDecoder;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Llama-3-style {@code gpt2} tokenizer stored in a GGUF: 256 byte symbols (GPT-2's byte-to-character
 * table, 'Ġ' for the space), a few merges, and a control token.
 */
class GgufByteLevelTokenizerTest {

    @TempDir
    Path temp;
    Tokenizer tokenizer;
    List<String> vocab;

    /** GPT-2 bytes_to_unicode, written out independently of the tokenizer under test. */
    static String byteChar(int b) {
        int n = 0;
        for (int x = 0; x < 256; x++) {
            boolean printable = (x >= 33 && x <= 126) || (x >= 161 && x <= 172) || (x >= 174 && x <= 255);
            if (x == b) {
                return String.valueOf((char) (printable ? x : 256 + n));
            }
            if (!printable) {
                n++;
            }
        }
        throw new AssertionError();
    }

    private static Consumer<ByteBuffer> strings(List<String> values) {
        return b -> {
            b.putInt(8).putLong(values.size());
            values.forEach(v -> TestGguf.string(b, v));
        };
    }

    @BeforeEach
    void write() throws IOException {
        vocab = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            vocab.add(byteChar(b));
        }
        vocab.addAll(List.of("he", "ll", "hell", "hello", "Ġw", "Ġwo", "<|begin_of_text|>", "<|end_of_text|>"));
        List<String> merges = List.of("h e", "l l", "he ll", "hell o", "Ġ w", "Ġw o");
        int[] types = new int[vocab.size()];
        java.util.Arrays.fill(types, 1);
        types[262] = 3;
        types[263] = 3;
        TestGguf g = new TestGguf(3)
                .kv("tokenizer.ggml.model", 8, b -> TestGguf.string(b, "gpt2"))
                .kv("tokenizer.ggml.pre", 8, b -> TestGguf.string(b, "llama-bpe"))
                .kv("tokenizer.ggml.tokens", 9, strings(vocab))
                .kv("tokenizer.ggml.merges", 9, strings(merges))
                .kv("tokenizer.ggml.token_type", 9, b -> {
                    b.putInt(5).putLong(types.length);
                    for (int t : types) {
                        b.putInt(t);
                    }
                })
                .kv("tokenizer.ggml.bos_token_id", 4, b -> b.putInt(262))
                .kv("tokenizer.ggml.eos_token_id", 4, b -> b.putInt(263));
        Path file = g.write(temp.resolve("bpe.gguf"));
        try (Arena arena = Arena.ofConfined()) {
            tokenizer = GgufTokenizers.read(GgufFile.open(file, arena));
        }
    }

    private int id(String token) {
        return vocab.indexOf(token);
    }

    @Test
    void merges_apply_by_rank_within_each_pre_token() {
        assertThat(tokenizer.encode("hello world", true))
                .containsExactly(262, id("hello"), id("Ġwo"), 'r', 'l', 'd');
    }

    @Test
    void control_tokens_in_the_text_map_to_their_ids_and_decode_to_nothing() {
        int[] ids = tokenizer.encode("<|begin_of_text|>hello<|end_of_text|>", false);
        assertThat(ids).containsExactly(262, id("hello"), 263);
        assertThat(tokenizer.decode(ids)).isEqualTo("hello");
    }

    @Test
    void multibyte_text_round_trips_through_byte_symbols_and_streams_whole_characters() {
        String text = "日本 ok\n  x!";
        int[] ids = tokenizer.encode(text, false);
        assertThat(tokenizer.decode(ids)).isEqualTo(text);
        TokenDecoder decoder = tokenizer.streamingDecoder();
        assertThat(decoder.next(ids[0])).isEmpty();
        assertThat(decoder.next(ids[1])).isEmpty();
        assertThat(decoder.next(ids[2])).isEqualTo("日");
    }

    @Test
    void pre_tokenizer_keeps_the_space_with_the_following_word() {
        // "a world": 'a', then " wo" merges inside " world"; a space never merges across pre-tokens.
        assertThat(tokenizer.encode("a world", false)).containsExactly('a', id("Ġwo"), 'r', 'l', 'd');
        assertThat(tokenizer.kind()).contains("byte-level");
    }
}
