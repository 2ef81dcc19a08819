package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReactParserTest {

    @Test
    void well_formed_output_splits_into_thought_action_and_input() {
        assertThat(ReactParser.parse("Thought: look it up\nAction: search_for_web\nAction Input: {\"q\": \"x\"}"))
                .isEqualTo(new ReactOutput("look it up", "search_for_web", "{\"q\": \"x\"}"));
    }

    /** Values computed with Python's react_parser on the same strings. */
    @Test
    void missing_markers_give_python_slices() {
        // No "Thought: ": start = -1 + 9 = 8.
        assertThat(ReactParser.parse("I think so\nAction: f\nAction Input: {}"))
                .isEqualTo(new ReactOutput("so", "f", "{}"));
        // No "\nAction Input: ": the action slice ends at -1, dropping the last character.
        assertThat(ReactParser.parse("Thought: t\nAction: finish"))
                .isEqualTo(new ReactOutput("t", "finis", "tion: finish"));
        // Nothing at all.
        assertThat(ReactParser.parse("hello world, no format"))
                .isEqualTo(new ReactOutput("rld, no forma", "orld, no forma", "no format"));
        assertThat(ReactParser.parse("")).isEqualTo(new ReactOutput("", "", ""));
    }

    @Test
    void code_points_count_as_one_character() {
        assertThat(ReactParser.parse("Thought: \uD83D\uDE00 ok\nAction: f\nAction Input: \uD83D\uDE00"))
                .isEqualTo(new ReactOutput("\uD83D\uDE00 ok", "f", "\uD83D\uDE00"));
    }

    @Test
    void strict_mode_reports_what_is_missing() {
        assertThatThrownBy(() -> ReactParser.parseStrict("I think so"))
                .isInstanceOf(ReactFormatException.class)
                .satisfies(e -> assertThat(((ReactFormatException) e).problems()).containsExactly(
                        "missing 'Thought: '", "missing a line starting with 'Action: '",
                        "missing a line starting with 'Action Input: '"));
        assertThatThrownBy(() -> ReactParser.parseStrict("Thought: t\nAction: \nAction Input: {}"))
                .hasMessageContaining("empty action name");
        assertThat(ReactParser.parseStrict("Thought: t\nAction: f\nAction Input: {}"))
                .isEqualTo(new ReactOutput("t", "f", "{}"));
    }
}
