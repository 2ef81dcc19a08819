package io.stave.bench;

import io.stave.BadInputException;
import java.util.Locale;

/** The reference behaviour reproduced (spec/toolbench.md §0.1). */
public enum Profile {
    /** OpenBMB/ToolBench: OpenAI {@code functions}, plain function objects. */
    TOOLBENCH,
    /** THUNLP-MT/StableToolBench: OpenAI {@code tools}, each function wrapped as {@code {"type": "function", ...}}. */
    STABLETOOLBENCH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String text) {
        for (Profile profile : values()) {
            if (profile.key().equalsIgnoreCase(text)) {
                return profile;
            }
        }
        throw new BadInputException("profile '" + text + "': expected toolbench or stabletoolbench");
    }
}
