package io.stave.bench.schema;

import io.stave.bench.Profile;

/**
 * How function objects are written (spec/toolbench.md §3.4).
 *
 * @param wrapped          OpenAI {@code tools} form: each function as {@code {"type": "function", "function": ...}}
 * @param emptyStringQuirk current StableToolBench code: {@code "required"} and {@code "optional"} start with {@code ""}
 */
public record SchemaOptions(boolean wrapped, boolean emptyStringQuirk) {

    /** The form each profile's inference code sends: plain for ToolBench, wrapped for StableToolBench; no quirk. */
    public static SchemaOptions of(Profile profile) {
        return new SchemaOptions(profile == Profile.STABLETOOLBENCH, false);
    }

    public SchemaOptions withEmptyStringQuirk(boolean quirk) {
        return new SchemaOptions(wrapped, quirk);
    }
}
