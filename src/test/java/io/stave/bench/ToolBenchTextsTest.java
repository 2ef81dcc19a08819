package io.stave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.prompt.ChatPrompts;
import org.junit.jupiter.api.Test;

/** The shipped resources are the spec's verbatim blocks, whose lengths and hashes Appendix A lists. */
class ToolBenchTextsTest {

    @Test
    void resources_equal_the_verbatim_blocks_of_the_spec() {
        assertThat(ToolBenchTexts.SYSTEM_PROMPT).isEqualTo(SpecBlocks.get("SYSTEM_PROMPT"));
        assertThat(ToolBenchTexts.USER_PROMPT).isEqualTo(SpecBlocks.get("USER_PROMPT"));
        assertThat(ToolBenchTexts.TASK_DESCRIPTION_PREFIX).isEqualTo(SpecBlocks.get("TASK_DESCRIPTION_PREFIX"));
        assertThat(ToolBenchTexts.FINISH_FUNCTION_JSON).isEqualTo(SpecBlocks.get("FINISH_FUNCTION_JSON"));
        assertThat(ToolBenchTexts.DIVERSITY_PROMPT).isEqualTo(SpecBlocks.get("DIVERSITY_PROMPT"));
        assertThat(ToolBenchTexts.RANK_SYSTEM_PROMPT).isEqualTo(SpecBlocks.get("RANK_SYSTEM_PROMPT"));
        assertThat(ToolBenchTexts.RANK_USER_PROMPT).isEqualTo(SpecBlocks.get("RANK_USER_PROMPT"));
        assertThat(ToolBenchTexts.DAVINCI_TEMPLATE).isEqualTo(SpecBlocks.get("DAVINCI_TEMPLATE"));
    }

    @Test
    void system_prompt_keeps_the_trailing_space_and_the_original_spelling() {
        assertThat(ToolBenchTexts.SYSTEM_PROMPT).contains("Remember: \n1.the state change")
                .contains("excute").contains("finial").contains("then one trys").contains("continusly")
                .endsWith("Task description: {task_description}");
        assertThat(ChatPrompts.user("Q?")).isEqualTo("\nQ?\nBegin!\n");
    }
}
