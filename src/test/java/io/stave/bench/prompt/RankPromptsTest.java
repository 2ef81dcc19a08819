package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.SpecBlocks;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankPromptsTest {

    @Test
    void system_prompt_replaces_placeholders_and_keeps_doubled_brace_markers() {
        String prompt = RankPrompts.system("TASK", "None", "A-trace", "B-trace");
        assertThat(prompt).startsWith("\nYou are value-GPT, which is an expert of defining which trail is better, "
                + "which trail is more close to solving the task. \n");
        assertThat(prompt).contains("{{TASK_DESCRIPTION}}\nTASK\n{{END_TASK_DESCRIPTION}}")
                .contains("First, all candidate do the following things:\nNone\n")
                .contains("{{CANDIDATE_A_START}}\nA-trace\n{{CANDIDATE_A_END}}")
                .contains("{{CANDIDATE_B_START}}\nB-trace\n{{CANDIDATE_B_END}}");
        String template = SpecBlocks.get("RANK_SYSTEM_PROMPT");
        assertThat(prompt.length()).isEqualTo(template.length() - "{task_description}{intersect_trice}{candidate_A}{candidate_B}".length()
                + "TASKNoneA-traceB-trace".length());
        assertThat(RankPrompts.user()).isEqualTo("\nTell me which candidate is better in ONE Word: \"A\" or \"B\":");
    }

    @Test
    void traces_number_their_steps_and_cut_long_observations() {
        String longObservation = "o".repeat(1030);
        String trace = RankPrompts.trace(List.of(
                new RankPrompts.TraceNode("Thought", "think", null),
                new RankPrompts.TraceNode("Action", "f", ""),
                new RankPrompts.TraceNode("Action Input", "{}", longObservation)));
        assertThat(trace).isEqualTo("step_1: Thought: think\n\nstep_2: Action: f\n\nstep_3: Action Input: {}\n"
                + "Observation: " + "o".repeat(1024) + "...(len=1030)\n\n");
        assertThat(RankPrompts.trace(List.of())).isEqualTo("None");
    }

    @Test
    void candidate_a_wins_iff_the_reply_ends_in_a() {
        assertThat(RankPrompts.prefersA(" A \n")).isTrue();
        assertThat(RankPrompts.prefersA("Candidate B")).isFalse();
        assertThat(RankPrompts.prefersA("I prefer A.")).isFalse();
    }
}
