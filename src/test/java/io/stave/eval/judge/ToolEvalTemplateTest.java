package io.stave.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shipped evaluator files against spec Appendix A and the released files (§9.1, §14.5). */
class ToolEvalTemplateTest {

    private static final ToolEvalTemplate TEMPLATE = ToolEvalTemplate.toolEvalV2();

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shipped_files_have_the_appendix_a_lengths_and_hashes() throws Exception {
        assertThat(TEMPLATE.templateText().codePointCount(0, TEMPLATE.templateText().length())).isEqualTo(3466);
        assertThat(sha256(TEMPLATE.templateText())).isEqualTo("6290be607cd67682457296508edc1404ac4ee0b153225bb6cb0cdeba36c97d7e");
        assertThat(TEMPLATE.configText().codePointCount(0, TEMPLATE.configText().length())).isEqualTo(1795);
        assertThat(sha256(TEMPLATE.configText())).isEqualTo("cd80ce6484def599155944b66626aea7d8ed41af0032c5637ef428473eadc6e3");
    }

    @Test
    void shipped_files_are_byte_identical_to_the_released_evaluator() throws Exception {
        Path released = Shared.toolBench().resolve("toolbench/tooleval/evaluators/" + ToolEvalTemplate.EVALUATOR);
        assertThat(TEMPLATE.templateText()).isEqualTo(Files.readString(released.resolve("template.txt"), StandardCharsets.UTF_8));
        assertThat(TEMPLATE.configText()).isEqualTo(Files.readString(released.resolve("config.yaml"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "CHECK_ANSWER_STATUS, 662, f9fc6101cddac3a95ca0f1bd60c67d5dbea34e33d5d2cd3eb1d69fa6bc92d2d8",
        "PARSE_ANSWER_STATUS, 722, 4355f0f09f797d5578b2273e2b5b0c04116ccb162b24734184d20e6966b765eb",
        "CHECK_TASK_SOLVABLE, 553, f82c87c41d50e1c338ab4eea1977314ce78caba7c1569cafb25c6cc81631373b",
        "SELECT_BETTER_ANSWER, 1188, 2287346a3831f3751a77dc6b927dc72ebe3d6ba2ece04633abcb6e72a40498ce"})
    void extracted_descriptions_match_appendix_a(JudgeFunction function, int length, String sha) throws Exception {
        String description = TEMPLATE.description(function);
        assertThat(description.codePointCount(0, description.length())).isEqualTo(length);
        assertThat(sha256(description)).isEqualTo(sha);
    }

    @Test
    void format_replaces_named_fields_and_collapses_doubled_braces() {
        assertThat(ToolEvalTemplate.format("{{a}} {task} }}", Map.of("task", "{\"q\": 1}"))).isEqualTo("{a} {\"q\": 1} }");
    }

    @Test
    void completion_settings_are_model_max_tokens_and_temperature() {
        assertThat(TEMPLATE.completionKwargs().fieldNames()).toIterable().containsExactly("model", "max_tokens", "temperature");
        assertThat(TEMPLATE.completionKwargs().get("model").asText()).isEqualTo("gpt-3.5-turbo-16k");
    }
}
