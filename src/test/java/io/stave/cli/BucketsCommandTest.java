package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

class BucketsCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run stave(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void waveform_at_distances_prints_the_spec_table() {
        Run run = stave("buckets", "waveform", "--bases", "toolbench-6", "--at", "0,1970,4000");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains(
                "    1970   -0.322527    2.284744    3.611727    0.269286    2.310129    1.872106",
                "    4000    0.093454    0.922921    1.820069    0.857194    0.266760    0.125810");
        assertThat(run.out()).doesNotContain("Envelope");
    }

    @Test
    void waveform_over_the_default_window_prints_the_spec_peaks_and_troughs() {
        Run run = stave("buckets", "waveform", "--bases", "10000,18000");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern(
                "10000 +1030 1189 1375 1589 1835 2118 +1970 2290 2629 3044 3515 4060");
        assertThat(run.out()).containsPattern(
                "18000 +1068 1244 1451 1690 1970 2295 +1805 2103 2428 2830 3298 3843");
    }

    @Test
    void waveform_json_holds_values_and_extrema() throws Exception {
        Run run = stave("buckets", "waveform", "--bases", "rag-7", "--at", "1000", "--from", "1000", "--to", "4090",
                "--json");
        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("bases")).hasSize(7);
        assertThat(json.at("/values/0/f/0").asDouble()).isBetween(1.799184, 1.799186);
        assertThat(json.at("/extrema/1/base").asDouble()).isEqualTo(13000.0);
        assertThat(json.at("/extrema/1/troughs").toString()).isEqualTo("[2472,2574,2984,3377,3459,4011]");
    }

    @Test
    void waveform_plot_writes_a_png_and_an_svg_with_every_curve_and_mark() throws Exception {
        Path png = dir.resolve("figure.png");
        Path svg = dir.resolve("sub/figure.svg");
        assertThat(stave("buckets", "waveform", "--bases", "toolbench-6", "--plot", png.toString()).code()).isZero();
        assertThat(stave("buckets", "waveform", "--bases", "toolbench-6", "--plot", svg.toString()).code()).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(6);
        // 6 peaks and 6 troughs for each of 6 bases, plus the two legend keys.
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(6 * 12 + 2);
        assertThat(Files.readString(svg)).contains("B = 17500 peaks (1067,", "B = 18000 troughs (1805,", "envelope troughs (1970,");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("figure.png", "sub");
        }
    }

    @Test
    void an_unknown_preset_is_one_line_and_exit_code_2() {
        Run run = stave("buckets", "waveform", "--bases", "toolbench-9");
        assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).startsWith("stave: --buckets").contains("toolbench-9").doesNotContain("\n");
    }

    @Test
    void a_plot_file_of_unknown_kind_is_a_bad_input() {
        Run run = stave("buckets", "waveform", "--plot", dir.resolve("figure.jpg").toString());
        assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("figure.jpg").contains(".png or .svg");
    }

    @Test
    void search_with_shipped_defaults_prints_the_trace_and_the_spec_bases() {
        Run run = stave("buckets", "search");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains(
                "P (17) = 1030 1068 1106 1189 1244 1314 1375 1451 1533 1589 1690 1709 1835 1993 2118 2295 2324",
                "Chosen 20500 (cover 2, dis 6.500)",
                "Chosen 24500 (cover 2, dis 6.500)",
                "Chosen 24000 (cover 2, dis 9.000)",
                "Bases: [10000, 18000, 19000, 20500, 24000, 24500]");
    }

    @Test
    void search_with_automatic_seeding_as_json() throws Exception {
        Run run = stave("buckets", "search", "--seed", "auto", "--json");
        assertThat(run.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("bases").toString()).isEqualTo("[16500.0,22500.0,23000.0,24000.0,24500.0,29000.0]");
        assertThat(json.at("/seeding/chosen/first").asDouble()).isEqualTo(22500.0);
        assertThat(json.at("/seeding/chosen/dis").asDouble()).isEqualTo(4.25);
        assertThat(json.get("steps")).hasSize(4);
    }

    @Test
    void search_settings_are_flags() throws Exception {
        Run run = stave("buckets", "search", "--count", "4", "--json");
        assertThat(new ObjectMapper().readTree(run.out()).get("bases").toString())
                .isEqualTo("[10000.0,18000.0,19000.0,20500.0]");
        Run bad = stave("buckets", "search", "--count", "2");
        assertThat(bad.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--count");
    }
}
