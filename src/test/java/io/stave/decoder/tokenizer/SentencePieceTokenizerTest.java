package io.stave.decoder.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.ModelSpec;
import io.stave.decoder.Stories260K;
import io.stave.decoder.llama2c.Llama2cTokenizerReader;
import io.stave.decoder.model.Model;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** tok512 encodings (spec/decoder.md §12.4) from the llama2.c .bin and the GGUF vocabulary, and decoding (§8.4). */
class SentencePieceTokenizerTest {

    static Tokenizer llama2c;
    static Model gguf;

    @BeforeAll
    static void load() {
        llama2c = Llama2cTokenizerReader.read(Stories260K.tokenizer(), 512);
        gguf = ModelSpec.parse("gguf:" + Stories260K.gguf()).load();
    }

    @AfterAll
    static void close() {
        gguf.close();
    }

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("Once upon a time", new int[] {1, 403, 407, 261, 378}),
                Arguments.of("Lily and Tom went to the park.", new int[] {1, 317, 269, 274, 287, 263, 377, 267, 265, 282, 295, 433, 426}),
                Arguments.of("hello world", new int[] {1, 281, 306, 414, 263, 304, 341}),
                Arguments.of("日本", new int[] {1, 410, 233, 154, 168, 233, 159, 175}));
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void llama2c_tokenizer_encodes_the_golden_ids(String text, int[] ids) {
        assertThat(llama2c.encode(text, true)).containsExactly(ids);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void gguf_vocabulary_encodes_the_same_ids(String text, int[] ids) {
        assertThat(gguf.tokenizer().encode(text, true)).containsExactly(ids);
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void decoding_the_ids_gives_back_the_text(String text, int[] ids) {
        assertThat(llama2c.decode(ids)).isEqualTo(text);
        assertThat(gguf.tokenizer().decode(ids)).isEqualTo(text);
    }

    @Test
    void llama2c_pieces_use_the_gguf_space_and_scores() {
        assertThat(llama2c.piece(410)).isEqualTo("\u2581");
        assertThat(llama2c.piece(403)).isEqualTo(gguf.tokenizer().piece(403));
        Vocabulary v = ((SentencePieceTokenizer) llama2c).vocabulary();
        assertThat(v.scores()[259]).isEqualTo(-0.0f);
        assertThat(v.scores()[260]).isEqualTo(-1.0f);
        assertThat(v.scores()[410]).isEqualTo(-151.0f);
        assertThat(v.types()[1]).isEqualTo(TokenType.CONTROL);
        assertThat(v.types()[13]).isEqualTo(TokenType.BYTE);
    }

    @Test
    void dummy_prefix_can_be_turned_off_for_llama2c_models_trained_without_it() {
        Tokenizer bare = Llama2cTokenizerReader.read(Stories260K.tokenizer(), 512, false);
        int[] ids = bare.encode("Once upon a time", true);
        assertThat(ids[1]).isNotEqualTo(403); // "Once" without the space is not the piece " Once"
        assertThat(java.util.Arrays.copyOfRange(ids, ids.length - 3, ids.length)).containsExactly(407, 261, 378);
        assertThat(bare.decode(ids)).isEqualTo("Once upon a time");
        try (Model m = ModelSpec.parse("llama2c:" + Stories260K.bin() + ",tokenizer=" + Stories260K.tokenizer()
                + ",dummy_prefix=false").load()) {
            assertThat(m.tokenizer().encode("Once upon a time", true)).containsExactly(ids);
        }
    }

    @Test
    void special_token_texts_become_their_ids_only_when_asked() {
        Tokenizer t = gguf.tokenizer();
        int[] plain = t.encode("a</s>b", true);
        assertThat(plain).doesNotContain(2);
        int[] a = t.encode("a", false);
        int[] b = t.encode("b", false);
        int[] expected = java.util.stream.IntStream.concat(java.util.stream.IntStream.concat(
                java.util.stream.IntStream.of(1), java.util.Arrays.stream(a)),
                java.util.stream.IntStream.concat(java.util.stream.IntStream.of(2), java.util.Arrays.stream(b))).toArray();
        assertThat(t.encodeWithSpecialTokens("a</s>b", true)).containsExactly(expected);
        assertThat(t.encodeWithSpecialTokens("Once upon a time", true)).containsExactly(t.encode("Once upon a time", true));
        assertThat(t.encodeWithSpecialTokens("</s>", false)).containsExactly(2);
    }

    @Test
    void empty_text_is_bos_alone_and_spaces_are_kept() {
        assertThat(llama2c.encode("", true)).containsExactly(1);
        assertThat(llama2c.encode("", false)).isEmpty();
        assertThat(llama2c.decode(llama2c.encode("a  b", true))).isEqualTo("a  b");
    }

    @Test
    void streaming_decoder_holds_an_incomplete_utf8_character_until_it_is_complete() {
        TokenDecoder decoder = llama2c.streamingDecoder().after(1);
        assertThat(decoder.next(410)).isEmpty(); // the dummy space after BOS is dropped
        assertThat(decoder.next(233)).isEmpty(); // E6
        assertThat(decoder.next(154)).isEmpty(); // 97
        assertThat(decoder.next(168)).isEqualTo("日"); // A5
        assertThat(decoder.next(233)).isEmpty();
        assertThat(decoder.flush()).isEqualTo("\uFFFD");
    }

    @Test
    void control_tokens_decode_to_nothing_and_invalid_bytes_to_replacement() {
        assertThat(llama2c.decode(new int[] {1, 403, 2})).isEqualTo("Once");
        assertThat(llama2c.decode(new int[] {403, 0xFF + 3, 407})).isEqualTo("Once\uFFFD upon");
    }

    @Test
    void completePrefix_stops_before_an_unfinished_sequence() {
        assertThat(TokenDecoder.completePrefix(new byte[] {'a', (byte) 0xE6, (byte) 0x97})).isEqualTo(1);
        assertThat(TokenDecoder.completePrefix(new byte[] {'a', (byte) 0xE6, (byte) 0x97, (byte) 0xA5})).isEqualTo(4);
        assertThat(TokenDecoder.completePrefix(new byte[] {(byte) 0xF0, (byte) 0x9F})).isZero();
    }

    @Test
    void long_text_encodes_the_same_as_its_parts_joined_by_the_merge_rule() {
        String text = "Once upon a time, there was a little girl named Lily. ".repeat(200);
        int[] ids = llama2c.encode(text, false);
        assertThat(llama2c.decode(ids)).isEqualTo(text);
        assertThat(ids.length).isLessThan(text.length() / 2);
    }
}
