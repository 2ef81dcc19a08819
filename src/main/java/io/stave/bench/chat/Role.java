package io.stave.bench.chat;

import java.util.Locale;

/** The role of a chat message as ToolBench and the OpenAI API spell it. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    /** A function result (ToolBench, OpenAI {@code functions} API). */
    FUNCTION,
    /** A tool result (StableToolBench, OpenAI {@code tools} API). */
    TOOL;

    /** The wire name: {@code system}, {@code user}, {@code assistant}, {@code function}, {@code tool}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire name; {@code null} when the name is none of them. */
    public static Role fromWire(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return role;
            }
        }
        return null;
    }
}
