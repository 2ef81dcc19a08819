package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Dispatch, Finish and truncation (toolbench.md §5.1–5.3). */
class ActionDispatcherTest {

    private final List<ToolCall> calls = new ArrayList<>();
    private final Executor echo = call -> {
        calls.add(call);
        return Observations.ofReply(Observations.errorReply(""), ObservationSource.LIVE, false);
    };
    private final ActionDispatcher dispatcher = new ActionDispatcher(List.of(
            new ActionTarget("popularsitesforquery_for_keyword_analysis", "Data", "keyword_analysis", "popularsitesforquery", null),
            new ActionTarget("querykeywords_for_keyword_analysis", "Data", "keyword_analysis", "querykeywords", null),
            new ActionTarget("Finish", "", "", "", null)), echo);

    @Test
    void the_first_function_whose_name_ends_with_the_called_name_is_called() {
        dispatcher.act("keyword_analysis", "{}", null);
        dispatcher.act("querykeywords_for_keyword_analysis", "{\"q\": 1}", "G1/1_CoT@1");
        dispatcher.act("", "{}", null);
        assertThat(calls).extracting(ToolCall::apiName)
                .containsExactly("popularsitesforquery", "querykeywords", "popularsitesforquery");
        assertThat(calls.get(1).arguments()).isEqualTo("{\"q\": 1}");
        assertThat(calls.get(1).functionName()).isEqualTo("querykeywords_for_keyword_analysis");
        assertThat(calls.get(1).episode()).isEqualTo("G1/1_CoT@1");
        assertThat(calls.get(1).category()).isEqualTo("Data");
    }

    @Test
    void an_unknown_name_gives_status_1_and_no_call() {
        Observation observation = dispatcher.act("no_such_api", "{}", null);
        assertThat(observation.text()).isEqualTo("{\"error\": \"No such function name: no_such_api\", \"response\": \"\"}");
        assertThat(observation.status()).isEqualTo(1);
        assertThat(calls).isEmpty();
    }

    @Test
    void a_suffix_of_finish_does_not_match_the_finish_entry() {
        Observation observation = dispatcher.act("ish", "{}", null);
        assertThat(observation.status()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"return_type\": \"give_answer\", \"final_answer\": \"42\"}`|`{\"response\":\"successfully giving the final answer.\"}`|3",
        "`{\"return_type\": \"give_answer\", \"final_answer\": {\"x\": 1}}`|`{\"response\":\"successfully giving the final answer.\"}`|3",
        "`{\"return_type\": \"give_up_and_restart\"}`|`{\"response\":\"chose to give up and restart\"}`|4",
        "`{\"final_answer\": \"42\"}`|`{error:\"must have \"return_type\"\"}`|2",
        "`{\"return_type\": \"give_answer\"}`|`{error:\"must have \"final_answer\"\"}`|2",
        "`{\"return_type\": \"maybe\"}`|`{error:\"\"return_type\" is not a valid choice\"}`|2",
        "`{\"return_type\": 3, \"final_answer\": \"x\"}`|`{error:\"\"return_type\" is not a valid choice\"}`|2",
        // Not JSON: ToolBench's substring fallback.
        "`{\"return_type\": \"give_answer\", \"final_answer\": \"cut off`|`{\"response\":\"successfully giving the final answer.\"}`|3",
        "`{\"return_type\": \"give_up_and_restart\", oops`|`{\"response\":\"chose to give up and restart\"}`|4",
        "`{\"return_type\": \"other\", \"final_answer\": \"x`|`{error:\"\"return_type\" is not a valid choice\"}`|2",
        "`nothing useful`|`{error:\"must have \"return_type\"\"}`|2",
    })
    void finish_gives_toolbench_exact_observations(String arguments, String observation, int status) {
        Observation result = dispatcher.act("Finish", arguments, null);
        assertThat(result.text()).isEqualTo(observation);
        assertThat(result.status()).isEqualTo(status);
        assertThat(calls).isEmpty();
    }

    @Test
    void finish_accepts_raw_newlines_inside_strings() {
        Observation result = dispatcher.act("Finish", "{\"return_type\": \"give_answer\", \"final_answer\": \"a\nb\"}", null);
        assertThat(result.status()).isEqualTo(3);
    }

    @Test
    void long_observations_are_cut_to_1024_code_points_plus_dots() {
        String astral = "\ud83d\ude00";
        String text = "x".repeat(1000) + astral.repeat(100);
        ActionDispatcher longReplies = new ActionDispatcher(List.of(new ActionTarget("a_for_t", "C", "t", "a", null)),
                call -> Observation.local(text, 0));
        String cut = longReplies.act("a_for_t", "{}", null).text();
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(1027);
        assertThat(cut).isEqualTo("x".repeat(1000) + astral.repeat(24) + "...");
        ActionDispatcher exact = new ActionDispatcher(List.of(new ActionTarget("a_for_t", "C", "t", "a", null)),
                call -> Observation.local("y".repeat(1024), 0));
        assertThat(exact.act("a_for_t", "{}", null).text()).isEqualTo("y".repeat(1024));
        ActionDispatcher shortLimit = new ActionDispatcher(List.of(new ActionTarget("a_for_t", "C", "t", "a", null)),
                call -> Observation.local("abcdef", 0), 3);
        assertThat(shortLimit.act("a_for_t", "{}", null).text()).isEqualTo("abc...");
    }
}
