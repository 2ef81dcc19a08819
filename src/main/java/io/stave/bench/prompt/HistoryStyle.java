package io.stave.bench.prompt;

import io.stave.BadInputException;
import java.util.Locale;

/**
 * What an assistant turn of ToolLLaMA stores as its content, and so how it reappears in later
 * prompts (option {@code prompt.toolllama_history}, spec/toolbench.md §4.5.3, §12).
 */
public enum HistoryStyle {
    /** ToolBench: the parsed thought only, so earlier Action lines vanish (the known bug). */
    TB_THOUGHT_ONLY,
    /** StableToolBench's fix: the whole stripped generation. */
    STB_GENERATION,
    /** The training layout rebuilt from the parsed fields; also used to replay chat-model histories. */
    TRAINING_FORMAT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HistoryStyle parse(String text) {
        for (HistoryStyle style : values()) {
            if (style.key().equals(text)) {
                return style;
            }
        }
        throw new BadInputException("prompt.toolllama_history '" + text
                + "': expected tb_thought_only, stb_generation or training_format");
    }
}
