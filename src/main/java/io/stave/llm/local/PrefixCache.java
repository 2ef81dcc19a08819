package io.stave.llm.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decoder sessions kept by the tokens they hold, so a prompt that starts like an earlier one
 * prefills only what is new. Within an episode the prompt only grows; in DFSDT a child continues
 * its parent's tokens and a sibling shares the prefix up to the branch point. Every bucket row of a
 * session is reused alike, since the rows live in one session.
 *
 * <p>{@link #acquire} finds the kept session with the longest common token prefix. A session whose
 * tokens all lie inside the new prompt is taken and extended (nothing is lost: the new entry covers
 * it); one that branches off is copied, so the other branch stays available, unless the limits leave
 * no room for a copy, then it is taken and truncated. Least recently used sessions go first.
 *
 * @param <S> the session type; {@link Slots} says how to make, copy, cut and free one
 */
final class PrefixCache<S> implements AutoCloseable {

    /** What the cache needs from a session type. */
    interface Slots<S> {
        S create();

        S copy(S session);

        void truncate(S session, int length);

        void close(S session);
    }

    /** A session to feed: its first {@code reused} positions already hold the prompt's first tokens. */
    record Lease<S>(S session, int reused) {}

    private static final class Entry<S> {
        final S session;
        final int[] tokens;
        long used;

        Entry(S session, int[] tokens, long used) {
            this.session = session;
            this.tokens = tokens;
            this.used = used;
        }
    }

    private final Slots<S> slots;
    private final int maxSessions;
    private final List<Entry<S>> entries = new ArrayList<>();
    private long clock;

    /**
     * @param maxSessions the most sessions alive at once, the one lent out included (at least 1);
     *                    callers derive it from the session's KV size and the memory budget
     */
    PrefixCache(Slots<S> slots, int maxSessions) {
        this.slots = slots;
        this.maxSessions = Math.max(1, maxSessions);
    }

    /** A session holding the longest kept prefix of {@code tokens}, at most {@code tokens.length − 1} of them. */
    Lease<S> acquire(int[] tokens) {
        Entry<S> best = null;
        int bestLength = 0;
        for (Entry<S> entry : entries) {
            int common = commonPrefix(entry.tokens, tokens);
            if (common > bestLength) {
                best = entry;
                bestLength = common;
            }
        }
        // At least one token is fed, so the last position's logits are fresh.
        int reuse = Math.min(bestLength, tokens.length - 1);
        if (best == null || reuse == 0) {
            makeRoom(null);
            return new Lease<>(slots.create(), 0);
        }
        best.used = ++clock;
        boolean covered = bestLength == best.tokens.length;
        if (!covered && makeRoom(best)) {
            S copy = slots.copy(best.session);
            slots.truncate(copy, reuse);
            return new Lease<>(copy, reuse);
        }
        entries.remove(best);
        slots.truncate(best.session, reuse);
        return new Lease<>(best.session, reuse);
    }

    /** Keeps {@code session}, which holds exactly {@code tokens}, for later prompts. */
    void release(S session, int[] tokens) {
        entries.add(new Entry<>(session, tokens.clone(), ++clock));
        while (entries.size() > maxSessions) {
            evictOldest(null);
        }
    }

    /** Drops a session that could not be fed to the end (its state is unknown). */
    void discard(S session) {
        slots.close(session);
    }

    /** Sessions kept now. */
    int size() {
        return entries.size();
    }

    /**
     * Evicts least recently used entries, never {@code keep}, until one more session fits beside
     * the kept ones and the lent one. Returns whether it fits.
     */
    private boolean makeRoom(Entry<S> keep) {
        while (entries.size() >= maxSessions) {
            if (!evictOldest(keep)) {
                return false;
            }
        }
        return true;
    }

    private boolean evictOldest(Entry<S> keep) {
        Entry<S> oldest = entries.stream().filter(e -> e != keep).min(Comparator.comparingLong(e -> e.used))
                .orElse(null);
        if (oldest == null) {
            return false;
        }
        entries.remove(oldest);
        slots.close(oldest.session);
        return true;
    }

    static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }

    @Override
    public void close() {
        for (Entry<S> entry : entries) {
            slots.close(entry.session);
        }
        entries.clear();
    }
}
