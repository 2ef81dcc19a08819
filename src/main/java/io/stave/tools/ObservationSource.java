package io.stave.tools;

import java.util.Locale;

/** Where an observation came from (toolbench.md §5.4 last paragraph, harness.md §10). */
public enum ObservationSource {
    /** A tool server or RapidAPI answered now. */
    LIVE,
    /** Replayed from the tool cache. */
    CACHE,
    /** Made up: from the response schema or by an LLM. */
    SIMULATED,
    /** Not cached and not fetched: the offline cache's miss observation. */
    MISS,
    /** Made by the client itself: Finish, unknown function names, transport failures. */
    LOCAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
