package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renderings of the fixture compared byte for byte with the files in
 * {@code src/test/resources/report/golden}. After an intended change, run with
 * {@code -Dstave.updateGoldens=true} and review the diff.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/report/golden");

    @TempDir
    Path out;

    @Test
    void markdown_summary_matches_the_golden_file() {
        assertGolden("summary.md", MarkdownReport.render(ReportFixtures.model()));
    }

    @Test
    void latex_tables_match_the_golden_files_one_per_metric() {
        List<MetricSection> sections = ReportFixtures.model().sections();
        assertThat(sections).extracting(MetricSection::metric).containsExactly(Metric.PASS_RATE, Metric.WIN_RATE);
        assertGolden("pass_rate.tex", LatexReport.render(sections.get(0)));
        assertGolden("win_rate.tex", LatexReport.render(sections.get(1)));
    }

    @Test
    void html_page_matches_the_golden_file() {
        assertGolden("report.html", HtmlReport.render(ReportFixtures.model()));
    }

    @Test
    void rendering_twice_gives_identical_bytes_whatever_the_input_order() {
        ReportModel reversed = ReportModel.build(ReportFixtures.model().title(), ReportFixtures.rows().reversed(),
                PublishedResults.bundled(), List.of("toolllm_tooleval_v2_pass_rate", "toolllm_tooleval_v2_win_rate"));

        assertThat(HtmlReport.render(reversed)).isEqualTo(HtmlReport.render(ReportFixtures.model()));
        assertThat(MarkdownReport.render(reversed)).isEqualTo(MarkdownReport.render(ReportFixtures.model()));
    }

    @Test
    void writer_puts_every_rendering_in_the_folder_and_leaves_no_temporary_file() throws IOException {
        List<Path> written = ReportWriter.write(ReportFixtures.model(), out.resolve("reports/fixture"));

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("summary.md", "pass_rate.tex", "win_rate.tex", "report.html");
        try (Stream<Path> files = Files.list(out.resolve("reports/fixture"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "summary.md", "pass_rate.tex", "win_rate.tex", "report.html");
        }
        assertThat(out.resolve("reports/fixture/report.html")).hasContent(HtmlReport.render(ReportFixtures.model()));
    }

    private static void assertGolden(String name, String actual) {
        Path golden = GOLDEN.resolve(name);
        try {
            if (Boolean.getBoolean("stave.updateGoldens")) {
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
