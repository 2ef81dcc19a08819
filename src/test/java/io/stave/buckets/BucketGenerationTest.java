package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stave.decoder.Generator;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.DefaultSampler;
import io.stave.testing.Shared;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Multi-base generation on stories260K: attention-buckets.md §5.7 goldens and the N = 1 identities. */
class BucketGenerationTest {

    private static final List<Double> TOOLBENCH_6 = Presets.parse("toolbench-6");

    /** decoder.md §12.2: the single-bucket greedy run from BOS, first 64 ids. */
    private static final int[] SINGLE_GREEDY = ids("""
            403 407 261 378 432 383 286 261 376 298 315 421 395 317 426 338 401 396 267 337 410 408 419 292
            411 322 265 282 295 433 426 385 328 432 358 394 261 370 432 352 266 268 388 426 338 391 266 267
            337 335 312 432 398 312 286 267 414 270 333 415 426 13 438 310""");

    private static Model model;

    @BeforeAll
    static void load() {
        model = ModelSpec.parse("llama2c:" + Shared.models().resolve("stories260K.bin")
                + ",tokenizer=" + Shared.models().resolve("tok512.bin")).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static BucketGeneration.Result greedyFromBos(List<Double> bases, double scale, int steps) {
        return BucketGeneration.builder(model).bases(bases).positionScale(scale).maxNewTokens(steps)
                .recordWeights(true).build().generate(new int[] {1}, text -> {});
    }

    @Test
    void toolbench_6_from_bos_gives_the_golden_ids_and_mixing_weights() {
        BucketGeneration.Result result = greedyFromBos(TOOLBENCH_6, 1, 64);
        assertThat(result.generation().tokens()).containsExactly(ids("""
                403 407 261 378 432 383 286 261 376 298 315 421 395 317 426 338 401 396 267 337 410 408 419 292
                411 322 265 282 295 433 426 385 328 432 358 394 261 370 432 352 266 268 388 426 338 391 266 267
                337 335 312 432 398 312 286 267 414 270 333 415 426 338 261 419"""));
        assertThat(result.generation().text()).isEqualTo("Once upon a time, there was a little girl named Lily."
                + " She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it,"
                + " but it was too high. She as");
        float[][] weights = {
            {1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f, 1 / 6f},
            {0.166439f, 0.166660f, 0.166672f, 0.166695f, 0.166718f, 0.166816f},
            {0.178727f, 0.166359f, 0.165834f, 0.164851f, 0.163944f, 0.160284f},
            {0.164850f, 0.167306f, 0.167280f, 0.167199f, 0.167089f, 0.166276f},
        };
        float[][] maxLogits = {
            {17.0235f, 17.0235f, 17.0235f, 17.0235f, 17.0235f, 17.0235f},
            {18.4600f, 18.4613f, 18.4614f, 18.4615f, 18.4617f, 18.4623f},
            {17.1370f, 17.0652f, 17.0621f, 17.0561f, 17.0506f, 17.0280f},
            {18.8744f, 18.8892f, 18.8890f, 18.8885f, 18.8879f, 18.8830f},
        };
        assertThat(result.steps()).hasSize(64);
        for (int pos = 0; pos < weights.length; pos++) {
            for (int j = 0; j < 6; j++) {
                assertThat(result.steps().get(pos).weights()[j]).as("w_%d at pos %d", j, pos)
                        .isCloseTo(weights[pos][j], within(1e-5f));
                assertThat(result.steps().get(pos).confidences()[j]).as("c_%d at pos %d", j, pos)
                        .isCloseTo(maxLogits[pos][j], within(1e-3f));
            }
        }
    }

    @Test
    void toolbench_6_with_pi_ratio_2_gives_the_golden_ids() {
        BucketGeneration.Result result = greedyFromBos(TOOLBENCH_6, 2, 64);
        assertThat(result.generation().tokens()).containsExactly(ids("""
                403 407 261 378 432 383 286 261 376 298 315 421 414 294 411 431 431 425 421 268 414 422 395 410
                454 412 340 422 426 410 454 412 340 422 401 396 267 337 335 345 267 422 419 420 414 426 410 454
                412 340 422 439 419 267 422 419 419 432 398 281 286 261 421 424"""));
        assertThat(result.positionScale()).isEqualTo(2.0);
    }

    @Test
    void three_identical_buckets_give_the_single_bucket_ids() {
        BucketGeneration.Result result = greedyFromBos(List.of(10000.0, 10000.0, 10000.0), 1, 64);
        assertThat(result.generation().tokens()).containsExactly(SINGLE_GREEDY);
        for (BucketMixer.Step step : result.steps()) {
            assertThat(step.weights()).containsOnly(1 / 3f);
        }
    }

    @Test
    void the_prompt_once_upon_a_time_with_toolbench_6_continues_as_the_single_bucket_run() {
        BucketGeneration.Result result = BucketGeneration.builder(model).bases(TOOLBENCH_6).maxNewTokens(36).build()
                .generate("Once upon a time", text -> {});
        assertThat(result.generation().promptTokens()).containsExactly(1, 403, 407, 261, 378);
        assertThat(result.generation().tokens()).containsExactly(ids("""
                432 383 286 261 376 298 315 421 395 317 426 338 401 396 267 337 410 408 419 292 411 322 265 282
                295 433 426 385 328 432 358 394 261 370 432 352"""));
    }

    @Test
    void one_bucket_at_the_models_base_is_the_plain_decoder_bit_for_bit() {
        int[] prompt = model.tokenizer().encode("Lily and Tom went to the park.", true);
        try (Session session = model.newSession(new double[] {10000}, 1, 64, KvType.F32)) {
            session.prefill(prompt);
            float[] plain = session.logits()[0].clone();
            float[] mixed = new BucketMixer(MixRule.CODE, model.tokenizer().vocabSize(), false).combine(session.logits());
            assertThat(mixed).containsExactly(plain);
        }
        Generator.Result plain;
        try (Session session = model.newSession(64 + prompt.length)) {
            plain = Generator.builder(model).maxNewTokens(64).build().generate(session, prompt, text -> {});
        }
        BucketGeneration.Result single = BucketGeneration.builder(model).maxNewTokens(64).build()
                .generate(prompt, text -> {});
        assertThat(single.bases()).containsExactly(10000.0);
        assertThat(single.generation().tokens()).containsExactly(plain.tokens());
        assertThat(single.generation().text()).isEqualTo(plain.text());
    }

    @Test
    void buckets_with_the_same_base_give_the_plain_logits_at_every_step() {
        int[] prompt = model.tokenizer().encode("Once upon a time", true);
        try (Session plain = model.newSession(new double[] {10000}, 1, 32, KvType.F32);
                Session four = model.newSession(new double[] {10000, 10000, 10000, 10000}, 1, 32, KvType.F32)) {
            plain.prefill(prompt);
            four.prefill(prompt);
            for (int step = 0; step < 8; step++) {
                float[] expected = plain.logits()[0].clone();
                float[] mixed = MixRule.CODE.mix(four.logits()).logits();
                for (int v = 0; v < expected.length; v++) {
                    assertThat(mixed[v]).as("step %d, id %d", step, v).isCloseTo(expected[v], within(1e-5f));
                }
                int next = io.stave.decoder.sampler.Sampler.argmax(expected);
                plain.append(next);
                four.append(next);
            }
        }
    }

    @Test
    void sampled_generation_with_toolbench_6_is_deterministic_for_a_seed() {
        int[][] runs = new int[3][];
        long[] seeds = {133742, 133742, 7};
        for (int i = 0; i < 3; i++) {
            runs[i] = BucketGeneration.builder(model).bases(TOOLBENCH_6).positionScale(2)
                    .sampler(new DefaultSampler(0.5f, 0, 1.0f, seeds[i])).maxNewTokens(96).build()
                    .generate(new int[] {1}, text -> {}).generation().tokens();
        }
        assertThat(runs[0]).isNotEmpty().containsExactly(runs[1]);
        assertThat(Arrays.equals(runs[0], runs[2])).as("another seed, another story").isFalse();
    }

    @Test
    void the_paper_rule_runs_and_agrees_with_code_on_the_first_greedy_tokens() {
        BucketGeneration.Result paper = BucketGeneration.builder(model).bases(TOOLBENCH_6).mix(MixRule.PAPER)
                .maxNewTokens(8).recordWeights(true).build().generate(new int[] {1}, text -> {});
        // Position 0 is the same for every base, so the first tokens follow the single-bucket story.
        assertThat(paper.generation().tokens()).startsWith(403, 407, 261);
        assertThat(paper.steps().getFirst().weights()).containsOnly(1 / 6f);
        assertThat(paper.mix()).isEqualTo(MixRule.PAPER);
    }

    private static int[] ids(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }
}
