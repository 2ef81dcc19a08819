package io.stave.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The verbatim ToolBench texts (spec/toolbench.md §3.3, §4), shipped as resources under
 * {@code toolbench/} byte for byte; the tests compare them with the spec's blocks and Appendix A.
 */
public final class ToolBenchTexts {

    /** §4.1, {@code {task_description}} is replaced literally. */
    public static final String SYSTEM_PROMPT = load("system_prompt.txt");
    /** §4.2, {@code {input_description}} is replaced literally. */
    public static final String USER_PROMPT = load("user_prompt.txt");
    /** §4.3, followed by one line per tool. */
    public static final String TASK_DESCRIPTION_PREFIX = load("task_description_prefix.txt");
    /** §3.3, the Finish function as JSON. */
    public static final String FINISH_FUNCTION_JSON = load("finish_function.json");
    /** §4.8, {@code {previous_candidate}} is replaced literally. */
    public static final String DIVERSITY_PROMPT = load("diversity_prompt.txt");
    /** §4.9 system message of the pairwise ranking call. */
    public static final String RANK_SYSTEM_PROMPT = load("rank_system_prompt.txt");
    /** §4.9 user message of the pairwise ranking call. */
    public static final String RANK_USER_PROMPT = load("rank_user_prompt.txt");
    /** §4.7 Text-Davinci-003 completion template. */
    public static final String DAVINCI_TEMPLATE = load("davinci_template.txt");

    private ToolBenchTexts() {}

    private static String load(String name) {
        try (InputStream in = ToolBenchTexts.class.getResourceAsStream("/toolbench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource /toolbench/" + name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
