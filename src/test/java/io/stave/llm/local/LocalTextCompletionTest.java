package io.stave.llm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.decoder.Generator;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.Stories260K;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.llm.Backend;
import io.stave.llm.Backends;
import io.stave.llm.TextCompletion.Completion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local ToolLLaMA completion on stories260K (the stand-in for ToolLLaMA): KV reuse, buckets, seeds. */
class LocalTextCompletionTest {

    private static final String SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    private static Model model;

    @BeforeAll
    static void load() {
        model = ModelSpec.parse("gguf:" + Stories260K.gguf()).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static LocalTextCompletion completion(String options) {
        return LocalTextCompletion.of(model, SHA256, LocalOptions.parse("gguf:" + Stories260K.gguf() + options));
    }

    /** Every decision step's mixed logits of one call. */
    private static List<float[]> logitsOf(LocalTextCompletion completion, String prompt, List<Completion> out) {
        List<float[]> steps = new ArrayList<>();
        completion.observeLogits(steps::add);
        out.add(completion.complete(prompt));
        return steps;
    }

    private static void assertSameLogits(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int s = 0; s < expected.size(); s++) {
            float[] a = actual.get(s);
            float[] e = expected.get(s);
            for (int v = 0; v < e.length; v++) {
                assertThat((double) a[v]).as("step %d token %d", s, v).isCloseTo(e[v], org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",buckets=toolbench-6,pi-scale=2"})
    void an_episode_decoded_with_reuse_gives_the_logits_of_recomputing_every_prompt(String buckets) {
        String options = ",max-new-tokens=12,seed=3" + buckets;
        try (LocalTextCompletion reusing = completion(options + ",sessions=4");
                LocalTextCompletion recomputing = completion(options + ",sessions=0")) {
            String prompt = "Once upon a time, there was a little girl.";
            List<Completion> reused = new ArrayList<>();
            List<Completion> fresh = new ArrayList<>();
            for (int turn = 0; turn < 4; turn++) {
                assertSameLogits(logitsOf(reusing, prompt, reused), logitsOf(recomputing, prompt, fresh));
                assertThat(reused.getLast().text()).isEqualTo(fresh.getLast().text());
                ReuseStats call = reusing.lastCall();
                assertThat(call.prefilled() + call.reused()).isEqualTo(call.promptTokens());
                if (turn > 0) {
                    // The episode prompt only grows: the earlier prompt and its generation are not fed again.
                    assertThat(call.reused()).isGreaterThan(call.promptTokens() / 2);
                }
                assertThat(recomputing.lastCall().reused()).isZero();
                prompt = prompt + " " + reused.getLast().text() + "\nThen the dog said: " + turn + ".";
            }
            assertThat(reusing.stats().prefilled()).isLessThan(recomputing.stats().prefilled() / 2);
            assertThat(reusing.stats().promptTokens()).isEqualTo(recomputing.stats().promptTokens());
        }
    }

    @Test
    void a_dfsdt_sibling_resumes_from_the_branch_point_with_the_logits_of_a_fresh_prompt() {
        String options = ",max-new-tokens=10,buckets=toolbench-6,pi-scale=2";
        String root = "Once upon a time, there was a big red ball in the park.";
        String child = root + "\nAssistant: Lily ran to the ball.";
        String grandchild = child + "\nFunction: it rolled away.";
        String sibling = root + "\nUser: try something else.";
        try (LocalTextCompletion reusing = completion(options);
                LocalTextCompletion recomputing = completion(options + ",sessions=0")) {
            List<Completion> out = new ArrayList<>();
            for (String prompt : List.of(root, child, grandchild, sibling, grandchild)) {
                assertSameLogits(logitsOf(reusing, prompt, out), logitsOf(recomputing, prompt, out));
            }
            int rootTokens = model.tokenizer().encode(root, true).length;
            // The sibling was the fourth call; the grandchild again (fifth) found its own branch still kept.
            assertThat(reusing.lastCall().reused()).isEqualTo(reusing.lastCall().promptTokens() - 1);
            assertThat(reusing.keptSessions()).isGreaterThanOrEqualTo(2);
            assertThat(reusing.stats().prefilled())
                    .isLessThan(recomputing.stats().prefilled() - 3L * rootTokens);
        }
    }

    @Test
    void one_bucket_at_the_models_base_is_the_plain_decoder() {
        String prompt = "Once upon a time";
        try (LocalTextCompletion local = completion(",buckets=10000,temperature=0,max-new-tokens=40");
                Session session = model.newSession(2048)) {
            List<float[]> steps = new ArrayList<>();
            local.observeLogits(steps::add);
            String text = local.complete(prompt).text();

            Session plain = session.copy();
            plain.prefill(model.tokenizer().encode(prompt, true));
            // Equal up to float rounding (the JIT may fuse multiply-adds differently between two runs).
            assertSameLogits(steps.subList(0, 1), List.of(plain.logits()[0]));
            plain.close();
            Generator.Result expected = Generator.builder(model).maxNewTokens(40).build().generate(session, prompt, s -> {});
            assertThat(text).isEqualTo(expected.text().strip()).startsWith(", there was a little girl named Lily.");
        }
    }

    @Test
    void toolbench_6_with_a_prompt_gives_the_specs_golden_ids_greedily() {
        // attention-buckets.md §5.7 (d): 36 ids after "Once upon a time", mixing rule code, PI ratio 1.
        int[] golden = {432, 383, 286, 261, 376, 298, 315, 421, 395, 317, 426, 338, 401, 396, 267, 337, 410, 408, 419,
            292, 411, 322, 265, 282, 295, 433, 426, 385, 328, 432, 358, 394, 261, 370, 432, 352};
        try (LocalTextCompletion local = completion(",buckets=toolbench-6,pi-scale=1,temperature=0,max-new-tokens=36")) {
            Completion completion = local.complete("Once upon a time");
            assertThat(completion.text()).isEqualTo(model.tokenizer().decode(golden).strip());
            assertThat(completion.completionTokens()).isEqualTo(36);
            assertThat(completion.promptTokens()).isEqualTo(5);
        }
    }

    @Test
    void toolbench_6_sampling_is_deterministic_for_a_seed_and_moves_with_it() {
        String options = ",buckets=toolbench-6,pi-scale=2,max-new-tokens=48";
        String prompt = "Once upon a time, there was a cat.";
        List<String> texts = new ArrayList<>();
        for (String seed : List.of(",seed=11", ",seed=11", ",seed=12")) {
            try (LocalTextCompletion local = completion(options + seed)) {
                texts.add(local.complete(prompt).text());
                // The same prompt again in the same completion: the seed comes from the prompt, not a running RNG.
                assertThat(local.complete(prompt).text()).isEqualTo(texts.getLast());
            }
        }
        assertThat(texts.get(0)).isEqualTo(texts.get(1)).isNotEqualTo(texts.get(2)).isNotBlank();
    }

    @Test
    void the_id_names_the_weights_hash_and_every_decoding_and_bucket_parameter() {
        try (LocalTextCompletion local = completion(",buckets=toolbench-6,pi-scale=2,seed=5")) {
            assertThat(local.id()).isEqualTo("local:sha256=" + SHA256 + ",buckets=10000;17500;18000;19000;20000;25000,"
                    + "mix=code,pi-scale=2,temperature=0.5,max-new-tokens=512,context=4096,seed=5,kv=f32,stop=eos");
        }
        try (LocalTextCompletion preset = completion(",preset=toolllama-2-7b-v2,mix=paper,context=1024")) {
            assertThat(preset.id()).contains("preset=toolllama-2-7b-v2", "buckets=10000,", "mix=paper", "pi-scale=2,",
                    "temperature=0.5,", "max-new-tokens=512,", "context=1024,");
        }
    }

    @Test
    void a_prompt_longer_than_the_context_keeps_its_last_tokens() {
        try (LocalTextCompletion local = completion(",context=64,max-new-tokens=8")) {
            String prompt = "Once upon a time, there was a little girl named Lily. She loved to play outside in the park."
                    + " One day, she saw a big, red ball. She wanted to play with it, but it was too high.";
            assertThat(model.tokenizer().encode(prompt, true).length).isGreaterThan(48);
            Completion completion = local.complete(prompt);
            assertThat(completion.promptTokens()).isEqualTo(64 - 8 - 8);
            assertThat(completion.completionTokens()).isBetween(1L, 8L);
        }
    }

    @Test
    void bad_options_name_the_option_and_what_was_expected() {
        String path = "gguf:" + Stories260K.gguf();
        assertThatThrownBy(() -> LocalOptions.parse(path + ",buckets=toolbench-7"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("option buckets").hasMessageContaining("';'");
        assertThatThrownBy(() -> LocalOptions.parse(path + ",temperature=hot"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("option temperature: expected a number");
        assertThatThrownBy(() -> LocalOptions.parse(path + ",beams=4"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("\"beams=4\"");
        assertThatThrownBy(() -> completion(",context=16,max-new-tokens=12"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("max-new-tokens + 8");
        assertThatThrownBy(() -> completion(",pi-scale=2,context=5000"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected at most 4096 positions");
        assertThat(LocalOptions.parse(path + ",buckets=10000;20000").bases()).containsExactly(10000.0, 20000.0);
    }

    @Test
    void backends_open_a_local_spec_as_toolllama_over_the_decoder_with_the_runs_decoding_as_defaults() {
        Backends backends = Backends.builder().toolLlamaTemperature(0).maxNewTokens(1024).build();
        try (Backend backend = backends.open("gguf:" + Stories260K.gguf() + ",pi-scale=2")) {
            assertThat(backend.id()).startsWith("toolllama:local:sha256=" + SHA256 + ",buckets=10000,")
                    .contains(",temperature=0.0,max-new-tokens=1024,");
        }
        try (Backend backend = backends.open("gguf:" + Stories260K.gguf() + ",max-new-tokens=4,temperature=0.7")) {
            assertThat(backend.id()).contains(",temperature=0.7,max-new-tokens=4,");
        }
        try (Backend backend = backends.open("gguf:" + Stories260K.gguf() + ",preset=toolllama-2-7b-v2,context=2048")) {
            assertThat(backend.id()).contains(",pi-scale=2,temperature=0.5,max-new-tokens=512,context=2048,");
        }
    }
}
