package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}, installed by CI): the page must
 * render with no console message, its script must have read the embedded data, and the table and
 * charts must be in the DOM. Skipped, saying so, where Chromium is not installed.
 */
class ChromiumReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private Path page;

    @BeforeEach
    void writeReport() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "headless browser check skipped: " + CHROMIUM + " not installed (apt-get install -y chromium)");
        page = ReportWriter.write(ReportFixtures.model(), dir.resolve("report")).getLast();
    }

    private record Run(int exit, String stdout, String stderr) {}

    private Run chromium(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void dom_has_the_tables_the_charts_and_the_parsed_data_with_no_console_message() throws Exception {
        Run run = chromium("--dump-dom");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("data-rows=\"3\"")
                .contains("<table class=\"results\">")
                .contains("id=\"metric-pass_rate\"").contains("id=\"metric-win_rate\"")
                .contains("<svg").contains("class=\"published\"");
        assertThat(run.stderr().lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught"))).isEmpty();
    }

    @Test
    void screenshot_is_a_png() throws Exception {
        Path png = dir.resolve("report.png");

        Run run = chromium("--screenshot=" + png, "--window-size=1200,1600");

        assertThat(run.exit()).as(run.stderr()).isZero();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
