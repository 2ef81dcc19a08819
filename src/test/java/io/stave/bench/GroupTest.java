package io.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import org.junit.jupiter.api.Test;

class GroupTest {

    @Test
    void groups_come_in_the_evaluators_order_with_paper_labels() {
        assertThat(Group.values()).extracting(Group::fileName).containsExactly(
                "G1_instruction", "G1_category", "G1_tool", "G2_instruction", "G2_category", "G3_instruction");
        assertThat(Group.values()).extracting(Group::label).containsExactly(
                "I1-Inst", "I1-Cat", "I1-Tool", "I2-Inst", "I2-Cat", "I3-Inst");
    }

    @Test
    void names_and_aliases_parse_case_insensitively_with_an_optional_dot() {
        assertThat(Group.parse("G2_category")).isEqualTo(Group.G2_CATEGORY);
        assertThat(Group.parse("I2-Cat.")).isEqualTo(Group.G2_CATEGORY);
        assertThat(Group.parse("i1-tool")).isEqualTo(Group.G1_TOOL);
        assertThatThrownBy(() -> Group.parse("G4_instruction")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("suite 'G4_instruction': expected one of [G1_instruction, I1-Inst, G1_category");
    }
}
