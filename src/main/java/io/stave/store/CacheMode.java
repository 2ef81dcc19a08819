package io.stave.store;

import io.stave.BadInputException;
import java.util.Locale;

/** How a cache is used (harness.md §5, {@code cache.mode}). */
public enum CacheMode {
    /** Read hits, write misses (the default). */
    RW,
    /** Read hits, never write (shards reading a master cache). */
    RO,
    /** Neither read nor write. */
    OFF,
    /** Ignore hits, overwrite with fresh results. */
    REFRESH;

    public boolean reads() {
        return this == RW || this == RO;
    }

    public boolean writes() {
        return this == RW || this == REFRESH;
    }

    public static CacheMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cache mode: expected rw, ro, off or refresh, got '" + text + "'");
        }
    }
}
