package io.stave.buckets;

import io.stave.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The greedy base search of Attention Buckets ({@code basic.py: base_choose_method1};
 * attention-buckets.md §3.5–§3.8): each new base should put its peaks on the troughs of the bases
 * chosen so far, and its troughs on their peaks.
 *
 * <p>Reproduces the official script exactly, quirks included; with the shipped settings it
 * returns [10000, 18000, 19000, 20500, 24000, 24500], which is not a list used in any experiment
 * (§3.10): experiments use {@link Presets}.
 */
public final class BaseSearch {

    private final SearchSettings settings;
    private final Map<Double, Extrema> extremaByBase = new HashMap<>();

    public BaseSearch(SearchSettings settings) {
        this.settings = settings;
    }

    /** Runs the whole search (§3.8), with automatic pair seeding when the seed is empty. */
    public SearchResult run() {
        List<Double> seed = settings.seed();
        PairSeeding seeding = null;
        if (seed.isEmpty()) {
            seeding = seedPair();
            seed = List.of(seeding.chosen().first(), seeding.chosen().second());
        }
        SearchState state = SearchState.of(extrema(seed.getFirst()));
        for (double base : seed.subList(1, seed.size())) {
            state = state.merge(extrema(base));
        }
        SearchState seeded = state;
        List<Double> chosen = new ArrayList<>(seed);
        List<GreedyStep> steps = new ArrayList<>();
        while (chosen.size() < settings.count()) {
            StepScores scores = step(state, chosen, Double.NEGATIVE_INFINITY);
            Candidate best = scores.best();
            if (best == null) {
                throw new BadInputException("base search: no candidate base in " + settings.baseLow() + " … "
                        + settings.baseHigh() + " covers any trough or peak after " + chosen
                        + "; widen the candidates or the distance window");
            }
            chosen.add(best.base());
            state = state.merge(extrema(best.base()));
            steps.add(new GreedyStep(best, scores.all(), state));
        }
        return new SearchResult(chosen.stream().sorted().toList(), seeded, steps, seeding);
    }

    /** The envelope peaks and troughs of one base over the settings' grid (cached per base). */
    public Extrema extrema(double base) {
        return extremaByBase.computeIfAbsent(base, b -> Envelope.of(
                new Waveform(b, settings.headDim()), settings.from(), settings.to(), settings.envelope()));
    }

    /**
     * One greedy step (§3.6) over the candidates above {@code above} that are not chosen yet. The
     * comparisons are strict, so a full tie goes to the smaller base; a zero cover never wins.
     */
    StepScores step(SearchState state, List<Double> chosen, double above) {
        Candidate best = null;
        List<Candidate> all = new ArrayList<>();
        for (double base : settings.candidates()) {
            if (base <= above || chosen.contains(base)) {
                continue;
            }
            Extrema candidate = extrema(base);
            Cover fill = Cover.of(candidate.peaks(), state.troughs(), settings.coverRadius());
            Cover fall = Cover.of(state.peaks(), candidate.troughs(), settings.coverRadius());
            int cover = fill.count() + fall.count();
            double dis = cover > 0 ? (double) (fill.squaredOffsets() + fall.squaredOffsets()) / cover
                    : Double.POSITIVE_INFINITY;
            Candidate scored = new Candidate(base, cover, dis);
            all.add(scored);
            if (cover > 0 && (best == null || cover > best.cover() || (cover == best.cover() && dis < best.dis()))) {
                best = scored;
            }
        }
        return new StepScores(best, all);
    }

    /**
     * Automatic seeding (§3.8): the pair (B0, best step from B0 over the bases above it) with the
     * largest cover. The official code's running "best dis" changes only when a tie in cover is
     * accepted, never on a strictly larger cover; the spec's expected output depends on it.
     */
    PairSeeding seedPair() {
        List<SeedPair> pairs = new ArrayList<>();
        SeedPair best = null;
        int bestCover = 0;
        double bestDis = Double.POSITIVE_INFINITY;
        for (double first : settings.candidates()) {
            Candidate second = step(SearchState.of(extrema(first)), List.of(first), first).best();
            if (second == null) {
                continue;
            }
            SeedPair pair = new SeedPair(first, second.base(), second.cover(), second.dis());
            pairs.add(pair);
            if (pair.cover() > bestCover) {
                best = pair;
                bestCover = pair.cover();
            } else if (pair.cover() == bestCover && pair.dis() < bestDis) {
                best = pair;
                bestDis = pair.dis();
            }
        }
        if (best == null) {
            throw new BadInputException("base search: no pair of candidate bases in " + settings.baseLow() + " … "
                    + settings.baseHigh() + " covers anything; give --seed or widen the candidates");
        }
        return new PairSeeding(best, pairs);
    }

    /** A scored candidate base: cover = matched peak/trough pairs, dis = their mean squared offset. */
    public record Candidate(double base, int cover, double dis) {}

    /** The scores of every candidate in one step, and the winner (null when every cover is 0). */
    record StepScores(Candidate best, List<Candidate> all) {}

    /** One greedy step: the chosen candidate, every candidate's score, and the state after merging. */
    public record GreedyStep(Candidate chosen, List<Candidate> candidates, SearchState after) {
        public GreedyStep {
            candidates = List.copyOf(candidates);
        }

        /** The candidates with a non-zero cover, as the spec's step tables list them. */
        public List<Candidate> covering() {
            return candidates.stream().filter(c -> c.cover() > 0).toList();
        }
    }

    /** The seed pair chosen automatically, and every pair considered (one per first base). */
    public record PairSeeding(SeedPair chosen, List<SeedPair> considered) {
        public PairSeeding {
            considered = List.copyOf(considered);
        }
    }

    /** A first base, the best second base above it, and that step's cover and dis. */
    public record SeedPair(double first, double second, int cover, double dis) {}

    /**
     * The outcome: the chosen bases ascending, the state after the seed, the greedy steps, and the
     * automatic seeding (null when a seed was given).
     */
    public record SearchResult(List<Double> bases, SearchState seeded, List<GreedyStep> steps, PairSeeding seeding) {
        public SearchResult {
            bases = List.copyOf(bases);
            steps = List.copyOf(steps);
        }
    }
}
