package io.stave.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.Llama2cSampler;
import io.stave.decoder.sampler.Sampler;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stories260K goldens of spec/decoder.md §12.2–§12.9, from the .bin, the .gguf and the int8 .bin. */
class GoldenGenerationTest {

    static Model bin;
    static Model gguf;

    @BeforeAll
    static void load() {
        bin = ModelSpec.parse("llama2c:" + Stories260K.bin() + ",tokenizer=" + Stories260K.tokenizer()).load();
        gguf = ModelSpec.parse("gguf:" + Stories260K.gguf()).load();
    }

    @AfterAll
    static void close() {
        bin.close();
        gguf.close();
    }

    private static Generator.Result greedyFromBos(Model model, int steps, double scale) {
        try (Session session = model.newSession(new double[] {10000}, scale, 512, KvType.F32)) {
            StringBuilder streamed = new StringBuilder();
            Generator.Result result = Generator.builder(model).maxNewTokens(steps).build()
                    .generate(session, new int[] {1}, streamed::append);
            assertThat(streamed.toString()).isEqualTo(result.text());
            return result;
        }
    }

    @Test
    void greedy_from_bos_reproduces_the_llama2c_story_from_the_bin() {
        Generator.Result result = greedyFromBos(bin, 256, 1);
        assertThat(Arrays.copyOf(result.tokens(), 64)).containsExactly(Stories260K.GREEDY_IDS);
        assertThat(result.tokens()).hasSize(256);
        assertThat(result.text()).isEqualTo(Stories260K.GREEDY_TEXT);
    }

    @Test
    void greedy_from_bos_reproduces_the_llama2c_story_from_the_gguf() {
        Generator.Result result = greedyFromBos(gguf, 256, 1);
        assertThat(Arrays.copyOf(result.tokens(), 64)).containsExactly(Stories260K.GREEDY_IDS);
        assertThat(result.text()).isEqualTo(Stories260K.GREEDY_TEXT);
    }

    @Test
    void bin_and_gguf_give_the_same_logits_and_the_published_top5() {
        int[] inputs = {1, 403, 407};
        int[][] top = {{403, 385, 410, 317, 407}, {407, 383, 261, 403, 432}, {261, 407, 383, 286, 272}};
        double[][] values = {{17.0235, 15.4062, 13.1083, 12.7692, 12.4181}, {18.4600, 14.2911, 10.8980, 10.6621, 10.3138},
            {17.1370, 11.7102, 11.1694, 10.2111, 9.9222}};
        try (Session a = bin.newSession(64); Session b = gguf.newSession(64)) {
            for (int pos = 0; pos < inputs.length; pos++) {
                a.append(inputs[pos]);
                b.append(inputs[pos]);
                float[] la = a.logits()[0];
                float[] lb = b.logits()[0];
                for (int i = 0; i < la.length; i++) {
                    assertThat(lb[i]).isCloseTo(la[i], within(1e-5f));
                }
                for (int r = 0; r < 5; r++) {
                    assertThat(la[top[pos][r]]).as("pos %d id %d", pos, top[pos][r])
                            .isCloseTo((float) values[pos][r], within(1e-3f));
                }
                assertThat(topIds(la, 5)).containsExactly(top[pos]);
            }
        }
    }

    private static int[] topIds(float[] logits, int k) {
        Integer[] ids = new Integer[logits.length];
        Arrays.setAll(ids, i -> i);
        Arrays.sort(ids, (x, y) -> Float.compare(logits[y], logits[x]));
        return Arrays.stream(ids, 0, k).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void greedy_with_the_prompt_once_upon_a_time_continues_the_same_story() {
        try (Session session = bin.newSession(512)) {
            // 64 positions: 5 prompt tokens (BOS included), then 60 sampled.
            Generator.Result result = Generator.builder(bin).maxNewTokens(60).build()
                    .generate(session, "Once upon a time", s -> {});
            assertThat(result.promptTokens()).containsExactly(1, 403, 407, 261, 378);
            assertThat("Once upon a time" + result.text())
                    .isEqualTo(Stories260K.GREEDY_TEXT.substring(0, Stories260K.GREEDY_TEXT.indexOf("high.\n") + 10));
        }
    }

    @Test
    void seeded_llama2c_sampling_reproduces_the_published_story() {
        try (Session session = bin.newSession(512)) {
            Generator.Result result = Generator.builder(bin).maxNewTokens(256)
                    .sampler(new Llama2cSampler(1.0f, 0.9f, 133742)).build()
                    .generate(session, new int[] {1}, s -> {});
            assertThat(Arrays.copyOf(result.tokens(), 32)).containsExactly(
                    403, 407, 261, 378, 432, 383, 286, 261, 376, 268, 414, 422, 395, 405, 426, 405, 401, 396, 267, 337,
                    335, 345, 267, 422, 419, 269, 344, 294, 296, 264, 424, 417);
            assertThat(result.text()).isEqualTo("""
                    Once upon a time, there was a little boy named Timmy. Timmy loved to play with his toys and eat sandwiches. One day, Timmy's mom told him it was time to rest for a while. Timmy's friend Billy came over and took him a down.
                    Timmy's mom saw that Timmy was sad, but Timmy said, "I didn't understand what is it! We need to find some leafs." Timmy thought about it and took a deep breath on a spoon. He hoped it was important to be kind and continued to find its image next time.
                    After they finished getting, Timmy's dad came up to his house and promised to help Timmy.""");
            assertThat(result.tokens()).hasSize(256);
        }
    }

    @Test
    void int8_checkpoint_matches_the_first_71_greedy_ids_and_its_own_continuation() {
        try (Model q8 = ModelSpec.parse("llama2c:" + Stories260K.q8() + ",tokenizer=" + Stories260K.tokenizer()).load()) {
            assertThat(q8.format()).isEqualTo("llama2.c v2");
            Generator.Result reference = greedyFromBos(bin, 80, 1);
            Generator.Result result = greedyFromBos(q8, 120, 1);
            assertThat(Arrays.copyOf(result.tokens(), 71)).containsExactly(Arrays.copyOf(reference.tokens(), 71));
            assertThat(result.tokens()[71]).isNotEqualTo(reference.tokens()[71]);
            assertThat(result.text()).contains("too high.\nLily's mom said, \"Let's go to the park.\" Lily was sad and "
                    + "didn't know what to do. She asked her mom, \"What's wrong?");
        }
    }

    @Test
    void positional_interpolation_ratio_2_gives_the_published_ids() {
        Generator.Result result = greedyFromBos(bin, 64, 2);
        assertThat(result.tokens()).containsExactly(
                403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 414, 294, 411, 426, 291, 298, 421, 327, 421,
                425, 411, 286, 399, 262, 415, 271, 422, 269, 381, 261, 370, 432, 262, 415, 271, 422, 268, 421, 425, 428,
                426, 291, 268, 421, 425, 428, 286, 399, 284, 425, 402, 271, 411, 426, 291, 268, 421, 425, 428, 286, 399,
                282);
        assertThat(result.text()).isEqualTo("Once upon a time, there was a little girloate. The glowlue was very shiny "
                + "and had a big, shiny blug. The blug was very muchine. The blug was very p");
    }

    @Test
    void rows_beyond_the_tokenizer_are_never_sampled() {
        // The model has 512 rows; a 511-piece tokenizer leaves row 511 without text, like ToolLLaMA's pad row.
        var tokenizer = io.stave.decoder.llama2c.Llama2cTokenizerReader.read(Stories260K.tokenizer(), 511);
        try (Model padded = new Model("padded", "test", bin.config(), bin.weights(), tokenizer, bin.stopTokens(), null);
                Session session = padded.newSession(64)) {
            Generator.Result result = Generator.builder(padded).maxNewTokens(8).combiner(logits -> {
                float[] boosted = logits[0].clone();
                boosted[511] = 1e9f;
                return boosted;
            }).build().generate(session, new int[] {1}, s -> {});
            assertThat(result.tokens()).hasSize(8).doesNotContain(511).startsWith(403, 407, 261);
        }
    }

    @Test
    void greedy_sampler_breaks_ties_towards_the_lowest_id() {
        assertThat(Sampler.argmax(new float[] {1f, 3f, 3f, 2f})).isEqualTo(1);
    }
}
