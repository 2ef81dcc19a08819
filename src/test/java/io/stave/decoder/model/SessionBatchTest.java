package io.stave.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.Stories260K;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch-first consistency of the forward pass (spec/decoder.md §9.1, §15). */
class SessionBatchTest {

    static final int[] PROMPT = {1, 403, 407, 261, 378, 432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426, 338, 401,
        396, 267, 337, 410, 408, 419, 292, 411, 322, 265, 282, 295, 433, 426, 385, 328, 432, 358, 394, 261, 370, 432};

    static Model model;

    @BeforeAll
    static void load() {
        model = ModelSpec.parse("gguf:" + Stories260K.gguf()).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static void assertClose(float[] actual, float[] expected, double tolerance) {
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        assertThat(max).isLessThanOrEqualTo(tolerance);
    }

    private static float[] alone(double base, double scale, int[] tokens, KvType kv) {
        try (Session s = model.newSession(new double[] {base}, scale, 128, kv)) {
            s.prefill(tokens);
            return s.logits()[0].clone();
        }
    }

    @Test
    void identical_buckets_in_one_batch_give_the_logits_of_one_sequence_alone() {
        float[] single = alone(10000, 1, PROMPT, KvType.F32);
        try (Session s = model.newSession(new double[] {10000, 10000, 10000, 10000}, 1, 128, KvType.F32)) {
            s.prefill(PROMPT);
            assertThat(s.logits()).hasNumberOfRows(4);
            for (float[] row : s.logits()) {
                assertClose(row, single, 1e-5);
            }
        }
    }

    @Test
    void prefill_in_one_batch_equals_feeding_the_prompt_token_by_token() {
        try (Session batched = model.newSession(128); Session stepped = model.newSession(128)) {
            batched.prefill(PROMPT); // 40 tokens: a chunk of 32 and one of 8
            for (int token : PROMPT) {
                stepped.append(token);
            }
            assertThat(batched.position()).isEqualTo(PROMPT.length).isEqualTo(stepped.position());
            assertClose(batched.logits()[0], stepped.logits()[0], 1e-5);
            batched.append(13);
            stepped.append(13);
            assertClose(batched.logits()[0], stepped.logits()[0], 1e-5);
        }
    }

    @Test
    void buckets_with_different_rope_bases_in_one_batch_equal_each_run_alone() {
        double[] bases = {10000, 17500, 25000};
        try (Session s = model.newSession(bases, 1, 128, KvType.F32)) {
            s.prefill(PROMPT);
            for (int b = 0; b < bases.length; b++) {
                assertClose(s.logits()[b], alone(bases[b], 1, PROMPT, KvType.F32), 1e-5);
            }
            // The bases really change the result.
            assertThat(Math.abs(s.logits()[0][401] - s.logits()[2][401])).isGreaterThan(1e-3f);
        }
    }

    @Test
    void six_toolbench_buckets_give_the_published_max_logits_per_bucket() {
        // attention-buckets.md §5.7 (a): max logit c_j of each bucket at positions 0–3.
        double[] bases = {10000, 17500, 18000, 19000, 20000, 25000};
        int[] inputs = {1, 403, 407, 261};
        double[][] maxLogits = {
            {17.0235, 17.0235, 17.0235, 17.0235, 17.0235, 17.0235},
            {18.4600, 18.4613, 18.4614, 18.4615, 18.4617, 18.4623},
            {17.1370, 17.0652, 17.0621, 17.0561, 17.0506, 17.0280},
            {18.8744, 18.8892, 18.8890, 18.8885, 18.8879, 18.8830}};
        try (Session s = model.newSession(bases, 1, 64, KvType.F32)) {
            for (int pos = 0; pos < inputs.length; pos++) {
                s.append(inputs[pos]);
                for (int b = 0; b < bases.length; b++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (float v : s.logits()[b]) {
                        max = Math.max(max, v);
                    }
                    assertThat((double) max).as("pos %d bucket %d", pos, b)
                            .isCloseTo(maxLogits[pos][b], org.assertj.core.api.Assertions.within(1e-3));
                }
            }
        }
    }

    @Test
    void f16_kv_cache_stays_close_to_f32() {
        assertClose(alone(10000, 1, PROMPT, KvType.F16), alone(10000, 1, PROMPT, KvType.F32), 2e-2);
    }

    @Test
    void truncate_then_refeed_gives_the_same_logits_as_a_fresh_session() {
        try (Session s = model.newSession(128)) {
            s.prefill(PROMPT);
            s.truncate(10);
            assertThat(s.position()).isEqualTo(10);
            assertThatThrownBy(s::logits).isInstanceOf(IllegalStateException.class);
            int[] rest = java.util.Arrays.copyOfRange(PROMPT, 10, 20);
            s.prefill(rest);
            assertClose(s.logits()[0], alone(10000, 1, java.util.Arrays.copyOf(PROMPT, 20), KvType.F32), 1e-5);
        }
    }

    @Test
    void copy_is_independent_of_the_original() {
        try (Session s = model.newSession(new double[] {10000, 25000}, 1, 128, KvType.F16)) {
            s.prefill(java.util.Arrays.copyOf(PROMPT, 12));
            try (Session c = s.copy()) {
                assertThat(c.position()).isEqualTo(12);
                assertThat(c.logits()[1]).containsExactly(s.logits()[1]);
                c.append(PROMPT[12]);
                s.append(PROMPT[12]);
                assertThat(c.logits()[1]).containsExactly(s.logits()[1]);
                c.append(PROMPT[13]);
                s.truncate(5);
                assertThat(s.position()).isEqualTo(5);
                assertThat(c.position()).isEqualTo(14);
            }
        }
    }

    @Test
    void a_context_longer_than_the_models_is_refused_before_allocating() {
        assertThatThrownBy(() -> model.newSession(new double[] {10000}, 1, 4096, KvType.F32))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("context")
                .hasMessageContaining("2048")
                .hasMessageContaining("4096");
        // With PI ratio 2 the usable context doubles.
        model.newSession(new double[] {10000}, 2, 4096, KvType.F16).close();
    }

    @Test
    void feeding_past_the_context_is_an_error() {
        try (Session s = model.newSession(new double[] {10000}, 1, 3, KvType.F32)) {
            s.prefill(new int[] {1, 403, 407});
            assertThatThrownBy(() -> s.append(261)).isInstanceOf(IllegalStateException.class);
        }
    }
}
