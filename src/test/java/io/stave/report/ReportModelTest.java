package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportModelTest {

    private final PublishedResults published = PublishedResults.bundled();

    private ComparedRow compared(ResultRow row, String... against) {
        return ReportModel.compare(row, published, List.of(against));
    }

    @Test
    void delta_is_measured_minus_published_and_noise_marker_uses_the_interval_half_width() {
        ComparedRow row = compared(ReportFixtures.chatGptDfsdtPassRate(), "toolllm_tooleval_v2_pass_rate");
        double publishedI1Inst = published.value("toolllm_tooleval_v2_pass_rate", "ChatGPT", "DFSDT", "pass_rate", "I1-Inst")
                .orElseThrow();
        double publishedI1Tool = published.value("toolllm_tooleval_v2_pass_rate", "ChatGPT", "DFSDT", "pass_rate", "I1-Tool")
                .orElseThrow();

        ComparedCell i1Inst = row.cells().get(0);
        assertThat(i1Inst.column()).isEqualTo("I1-Inst");
        assertThat(i1Inst.delta()).isCloseTo(57.0 - publishedI1Inst, within(1e-9));
        assertThat(i1Inst.withinNoise()).isEqualTo(Math.abs(57.0 - publishedI1Inst) < (63.7 - 50.1) / 2);
        ComparedCell i1Tool = row.cells().get(1);
        assertThat(i1Tool.delta()).isCloseTo(80.0 - publishedI1Tool, within(1e-9));
        assertThat(i1Tool.withinNoise()).isEqualTo(Math.abs(80.0 - publishedI1Tool) < (85.0 - 73.9) / 2);
        assertThat(i1Inst.withinNoise()).isNotEqualTo(i1Tool.withinNoise());
    }

    @Test
    void average_is_the_unweighted_mean_of_the_six_groups_with_a_combined_interval() {
        MeasuredCell average = ReportModel.meanOfGroups(ReportFixtures.chatGptDfsdtPassRate());

        assertThat(average.value()).isCloseTo((57.0 + 80.0 + 60.5 + 70.0 + 71.5 + 62.0) / 6, within(1e-9));
        double half = Math.sqrt(6.8 * 6.8 + 5.55 * 5.55 + 6.7 * 6.7 + 6.3 * 6.3 + 6.2 * 6.2 + 9.35 * 9.35) / 6;
        assertThat(average.halfWidth()).isCloseTo(half, within(1e-9));
        assertThat(average.n()).isEqualTo(1100);
        assertThat(average.flags()).containsExactly(CellFlag.SIMULATED_TOOLS);
        assertThat(ReportModel.meanOfGroups(ReportFixtures.chatGptReactPassRate())).isNull();
    }

    @Test
    void an_average_cell_from_the_evaluator_is_used_as_given() {
        ResultRow row = new ResultRow("ChatGPT", "DFSDT", Metric.PASS_RATE, List.of(
                new MeasuredCell("G1_instruction", 50, 40, 60, 10), new MeasuredCell("Avg", 61.0, 58.0, 64.0, 1100)),
                ReportFixtures.RUN_A);

        ComparedCell average = compared(row, "toolllm_tooleval_v2_pass_rate").average();

        assertThat(average.measured().value()).isEqualTo(61.0);
        assertThat(average.published()).isEqualTo(
                published.value("toolllm_tooleval_v2_pass_rate", "ChatGPT", "DFSDT", "pass_rate", "Avg").orElseThrow());
    }

    @Test
    void other_judge_is_shown_with_a_warning_mark_and_simulated_runs_are_marked() {
        ComparedRow row = compared(ReportFixtures.chatGptReactPassRate(), "toolllm_tooleval_v2_pass_rate");

        assertThat(row.notComparable()).isNull();
        assertThat(row.cells().get(0).status()).isEqualTo(ComparedCell.Status.COMPARED);
        assertThat(row.cells().get(0).flags()).containsExactly(CellFlag.JUDGE_DIFFERS, CellFlag.SIMULATED_TOOLS);
        assertThat(row.cells().get(1).status()).isEqualTo(ComparedCell.Status.NOT_MEASURED);
    }

    @Test
    void other_profile_withholds_the_published_value_as_not_comparable() {
        ComparedRow row = compared(ReportFixtures.toolLlamaDfsdtWinRate(), "toolllm_tooleval_v2_win_rate");

        assertThat(row.notComparable()).isEqualTo("profile stabletoolbench vs published toolbench");
        assertThat(row.cells().get(0).status()).isEqualTo(ComparedCell.Status.NOT_COMPARABLE);
        assertThat(row.cells().get(0).published()).isNull();
        assertThat(row.cells().get(0).delta()).isNull();
    }

    @Test
    void without_against_the_table_of_the_same_profile_metric_and_judge_is_chosen() {
        ResultRow stb = new ResultRow("GPT-3.5-Turbo-0613", "CoT", Metric.SOPR,
                List.of(new MeasuredCell("G1_instruction", 50.0, 42.4, 57.6, 163)), ReportFixtures.RUN_C);

        ComparedRow row = compared(stb);

        assertThat(row.table().id()).isEqualTo("stabletoolbench_current_sopr");
        assertThat(row.cells().get(0).published()).isEqualTo(
                published.value("stabletoolbench_current_sopr", "GPT-3.5-Turbo-0613", "CoT", "SoPR", "I1-Inst").orElseThrow());
        assertThat(row.cells().get(0).flags()).isEmpty();
    }

    @Test
    void rows_are_sorted_by_metric_model_method_and_runs_listed_once() {
        ReportModel model = ReportFixtures.model();

        assertThat(model.sections().get(0).rows()).extracting(r -> r.row().method()).containsExactly("DFSDT", "ReACT");
        assertThat(model.runs()).extracting(Provenance::runId).containsExactly("run-a", "run-b", "run-c");
    }

    @Test
    void bad_cells_are_user_errors() {
        assertThatThrownBy(() -> new MeasuredCell("G1_instruction", 70, 71, 80, 10))
                .isInstanceOf(BadInputException.class).hasMessageContaining("lo <= value <= hi");
        assertThatThrownBy(() -> new MeasuredCell("G5_instruction", 70, 60, 80, 10))
                .isInstanceOf(BadInputException.class).hasMessageContaining("group \"G5_instruction\"");
        assertThatThrownBy(() -> ReportModel.build("t", ReportFixtures.rows(), published, List.of("no_such_table")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no_such_table");
    }
}
