package io.stave.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.buckets.Presets;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.Model;
import io.stave.testing.Shared;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mechanics of the key-value probe on stories260K (which cannot retrieve UUIDs: accuracy is not the point). */
class KvRetrievalTest {

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

    private static KvRetrieval probe(int pairs, int examples) {
        return KvRetrieval.builder(model).pairs(pairs).examples(examples).seed(5).maxNewTokens(8)
                .configuration("single", List.of(10000.0))
                .configuration("toolbench-6", Presets.parse("toolbench-6"))
                .build();
    }

    @Test
    void every_configuration_runs_every_gold_index_on_the_same_examples() {
        List<String> lines = new ArrayList<>();
        KvRetrieval.Result result = probe(2, 2).run(lines::add);
        assertThat(result.positions()).containsExactly(0, 1);
        assertThat(result.cells()).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(2));
        for (List<KvRetrieval.Cell> row : result.cells()) {
            for (KvRetrieval.Cell cell : row) {
                assertThat(cell.examples()).isEqualTo(2);
                assertThat(cell.answers()).hasSize(2).allSatisfy(answer -> assertThat(answer).isNotEmpty());
                assertThat(cell.correct()).isBetween(0, 2);
            }
        }
        assertThat(lines).hasSize(4).contains("toolbench-6, gold index 1: " + result.cells().get(1).get(1).correct() + "/2");
    }

    @Test
    void a_later_gold_pair_sits_closer_to_the_end_of_the_prompt() {
        KvRetrieval.Layout layout = probe(4, 1).layout();
        List<Double> d = layout.distances();
        assertThat(d.get(0)).isGreaterThan(d.get(1));
        assertThat(d.get(1)).isGreaterThan(d.get(2));
        assertThat(d.get(2)).isGreaterThan(d.get(3));
        // After the last pair come only "}", the key line and "Corresponding value:".
        KvRecords last = probe(4, 1).examplesAt(3).getFirst();
        String tail = last.prompt().substring(last.prompt().indexOf(last.value()) + 36);
        assertThat(tail).isEqualTo("\"}\n\nKey: \"" + last.key() + "\"\nCorresponding value:");
        assertThat(layout.promptTokens().get(3))
                .isEqualTo((double) model.tokenizer().encode(last.prompt(), true).length);
    }

    @Test
    void examples_are_reproducible_from_the_seed() {
        assertThat(probe(5, 3).examplesAt(2)).isEqualTo(probe(5, 3).examplesAt(2));
        assertThat(probe(5, 3).examplesAt(2)).allSatisfy(e -> assertThat(e.goldIndex()).isEqualTo(2));
        KvRetrieval.Builder single = KvRetrieval.builder(model).pairs(1).examples(1).seed(5).maxNewTokens(8);
        KvRetrieval.Result first = single.build().run(line -> {});
        KvRetrieval.Result second = single.build().run(line -> {});
        assertThat(first.configurations()).extracting(KvRetrieval.Configuration::label).containsExactly("single");
        assertThat(first.cells()).isEqualTo(second.cells());
    }

    @Test
    void a_prompt_longer_than_the_context_is_a_bad_input() {
        assertThatThrownBy(() -> probe(40, 1).layout())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--pairs 40")
                .hasMessageContaining("context of 512");
    }

    @Test
    void a_gold_index_outside_the_pairs_is_a_bad_input() {
        assertThatThrownBy(() -> KvRetrieval.builder(model).pairs(3).positions(List.of(3)).build())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--positions");
    }
}
