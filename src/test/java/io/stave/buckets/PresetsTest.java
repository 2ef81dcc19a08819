package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void named_presets_hold_the_published_lists() {
        assertThat(Presets.parse("toolbench-6")).containsExactly(10000.0, 17500.0, 18000.0, 19000.0, 20000.0, 25000.0);
        assertThat(Presets.parse("moice-7")).containsExactly(10000.0, 17500.0, 18000.0, 19000.0, 20000.0, 22500.0, 25000.0);
        assertThat(Presets.parse("rag-7")).containsExactly(10000.0, 13000.0, 16000.0, 19000.0, 22000.0, 25000.0, 28000.0);
        assertThat(Presets.parse("single")).containsExactly(10000.0);
    }

    @Test
    void an_explicit_list_is_parsed_in_order() {
        assertThat(Presets.parse(" 10000, 12500.5 ,30000")).containsExactly(10000.0, 12500.5, 30000.0);
    }

    @Test
    void an_unknown_preset_names_the_known_ones() {
        assertThatThrownBy(() -> Presets.parse("toolbench-7"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--buckets")
                .hasMessageContaining("toolbench-6")
                .hasMessageContaining("toolbench-7");
    }

    @Test
    void a_malformed_base_is_named() {
        assertThatThrownBy(() -> Presets.parse("10000,abc"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("\"abc\"");
        assertThatThrownBy(() -> Presets.parse("10000,0.5")).isInstanceOf(BadInputException.class);
    }

    @Test
    void bases_print_as_integers_when_they_are() {
        assertThat(Presets.format(20500)).isEqualTo("20500");
        assertThat(Presets.format(12500.5)).isEqualTo("12500.5");
    }
}
