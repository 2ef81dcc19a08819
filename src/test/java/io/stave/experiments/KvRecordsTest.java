package io.stave.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KvRecordsTest {

    @Test
    void records_are_unique_version_4_uuids_with_the_gold_at_the_asked_index() {
        KvRecords example = KvRecords.generate(new Random(42), 25, 12);
        assertThat(example.records()).hasSize(25);
        assertThat(example.goldIndex()).isEqualTo(12);
        assertThat(example.records().get(12).value()).isEqualTo(example.value());
        assertThat(example.records().stream().map(KvRecords.Pair::key).distinct()).hasSize(25);
        for (KvRecords.Pair pair : example.records()) {
            for (String id : new String[] {pair.key(), pair.value()}) {
                assertThat(id).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                assertThat(UUID.fromString(id).version()).isEqualTo(4);
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_example_and_another_seed_another() {
        assertThat(KvRecords.generate(new Random(7), 10, 3)).isEqualTo(KvRecords.generate(new Random(7), 10, 3));
        assertThat(KvRecords.generate(new Random(8), 10, 3)).isNotEqualTo(KvRecords.generate(new Random(7), 10, 3));
    }

    @Test
    void the_prompt_follows_the_lost_in_the_middle_template() {
        KvRecords example = new KvRecords(java.util.List.of(
                new KvRecords.Pair("k-1", "v-1"), new KvRecords.Pair("k-2", "v-2"), new KvRecords.Pair("k-3", "v-3")),
                "k-2", "v-2");
        assertThat(example.prompt()).isEqualTo("""
                Extract the value corresponding to the specified key in the JSON object below.

                JSON data:
                {"k-1": "v-1",
                 "k-2": "v-2",
                 "k-3": "v-3"}

                Key: "k-2"
                Corresponding value:""");
    }

    @Test
    void a_single_record_opens_and_closes_the_object_on_one_line() {
        KvRecords example = KvRecords.generate(new Random(1), 1, 0);
        assertThat(example.prompt()).contains("JSON data:\n{\"" + example.key() + "\": \"" + example.value() + "\"}\n\n");
    }

    @Test
    void scoring_is_a_case_insensitive_substring_match_of_the_gold_value() {
        KvRecords example = KvRecords.generate(new Random(3), 5, 0);
        assertThat(example.isCorrect(" \"" + example.value().toUpperCase() + "\"\n")).isTrue();
        assertThat(example.isCorrect(example.value().substring(0, 35))).isFalse();
        assertThat(example.isCorrect(example.key())).isFalse();
    }
}
