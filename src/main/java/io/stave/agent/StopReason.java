package io.stave.agent;

import java.util.Locale;

/** Why a search stopped; recorded in the ledger (harness.md §10). */
public enum StopReason {
    /** A {@code give_answer} was accepted. */
    ANSWER,
    /** Every chain or branch ended without an answer (give-ups, depth limits, failed calls). */
    EXHAUSTED,
    /** {@code max_query_count} model calls were made. */
    MAX_QUERY_COUNT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
