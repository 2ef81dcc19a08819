package io.stave.llm.local;

import io.stave.decoder.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts the prompt tokens a sequence of calls prefills with KV reuse (the {@link PrefixCache}
 * policy of {@link LocalTextCompletion}, on token counts alone, no model run) against recomputing
 * every prompt, and the number of distinct tokens the prompts hold together (the nodes of their
 * token trie: what an ideal cache would compute once each).
 */
public final class ReuseReplay {

    /**
     * @param calls       prompts replayed
     * @param recomputed  Σ prompt lengths: every prompt prefilled from scratch
     * @param prefilled   tokens prefilled through the prefix cache
     * @param distinct    distinct tokens of the prompt tree (trie nodes)
     * @param sessions    sessions the cache could keep
     */
    public record Result(int calls, long recomputed, long prefilled, long distinct, int sessions) {

        /** Tokens prefilled with reuse per distinct token (1 is ideal). */
        public double prefilledPerDistinct() {
            return distinct == 0 ? 0 : (double) prefilled / distinct;
        }

        public double recomputedPerDistinct() {
            return distinct == 0 ? 0 : (double) recomputed / distinct;
        }
    }

    private ReuseReplay() {}

    /** Replays {@code prompts} in order, each encoded with BOS as the local completion does (no truncation). */
    public static Result run(Tokenizer tokenizer, List<String> prompts, int sessions) {
        List<int[]> tokens = new ArrayList<>();
        for (String prompt : prompts) {
            tokens.add(tokenizer.encode(prompt, true));
        }
        return count(tokens, sessions);
    }

    static Result count(List<int[]> prompts, int sessions) {
        long recomputed = 0;
        long prefilled = 0;
        try (PrefixCache<int[]> cache = new PrefixCache<>(new LengthSlots(), sessions)) {
            for (int[] prompt : prompts) {
                PrefixCache.Lease<int[]> lease = cache.acquire(prompt);
                recomputed += prompt.length;
                prefilled += prompt.length - lease.reused();
                cache.release(lease.session(), prompt);
            }
        }
        return new Result(prompts.size(), recomputed, prefilled, distinct(prompts), sessions);
    }

    /** Trie nodes of the sequences: in sorted order each adds what it does not share with its predecessor. */
    static long distinct(List<int[]> prompts) {
        List<int[]> sorted = new ArrayList<>(prompts);
        sorted.sort(Arrays::compare);
        long nodes = 0;
        int[] previous = new int[0];
        for (int[] prompt : sorted) {
            nodes += prompt.length - PrefixCache.commonPrefix(previous, prompt);
            previous = prompt;
        }
        return nodes;
    }

    /** A stand-in session that only knows its length. */
    private static final class LengthSlots implements PrefixCache.Slots<int[]> {
        @Override
        public int[] create() {
            return new int[1];
        }

        @Override
        public int[] copy(int[] session) {
            return session.clone();
        }

        @Override
        public void truncate(int[] session, int length) {
            session[0] = length;
        }

        @Override
        public void close(int[] session) {}
    }
}
