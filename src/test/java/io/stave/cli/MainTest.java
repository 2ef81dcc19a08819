package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void version_names_the_project_version() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        int code = commandLine.execute("--version");
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("stave " + VersionProvider.version());
        assertThat(VersionProvider.version()).isNotEqualTo("unknown");
    }

    @Test
    void unknown_option_is_a_usage_error_with_exit_code_2() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute("--no-such-option");
        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--no-such-option");
    }
}
