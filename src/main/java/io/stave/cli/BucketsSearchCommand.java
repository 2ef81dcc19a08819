package io.stave.cli;

import io.stave.BadInputException;
import io.stave.buckets.BaseSearch;
import io.stave.buckets.BaseSearch.Candidate;
import io.stave.buckets.BaseSearch.GreedyStep;
import io.stave.buckets.BaseSearch.SearchResult;
import io.stave.buckets.BaseSearch.SeedPair;
import io.stave.buckets.EnvelopeRule;
import io.stave.buckets.Presets;
import io.stave.buckets.SearchSettings;
import io.stave.buckets.SearchState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stave buckets search}: the greedy base search of {@code basic.py} (attention-buckets.md
 * §3), every hyperparameter a flag with the shipped value as default. Prints the chosen bases and
 * the trace of steps. Its output is not a list used in the paper's experiments (§3.10).
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Greedy RoPE base search (basic.py as shipped by default); prints the bases and each step.")
public final class BucketsSearchCommand implements Callable<Integer> {

    @Option(names = "--head-dim", defaultValue = "128", description = "Head dimension d. Default: ${DEFAULT-VALUE}.")
    int headDim;

    @Option(names = "--from", defaultValue = "1000", description = "First distance of the grid (word_low). Default: ${DEFAULT-VALUE}.")
    int from;

    @Option(names = "--to", defaultValue = "4090", description = "Last distance of the grid, inclusive (word_high). Default: ${DEFAULT-VALUE}.")
    int to;

    @Option(names = "--count", defaultValue = "6", description = "Number of bases to return (total_base_num). Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--base-low", defaultValue = "10000", description = "Smallest candidate base. Default: ${DEFAULT-VALUE}.")
    double baseLow;

    @Option(names = "--base-high", defaultValue = "30000", description = "Largest candidate base, inclusive. Default: ${DEFAULT-VALUE}.")
    double baseHigh;

    @Option(names = "--base-gap", defaultValue = "500", description = "Step between candidate bases. Default: ${DEFAULT-VALUE}.")
    double baseGap;

    @Option(names = "--cover-radius", defaultValue = "3",
            description = "A peak and a trough match within this distance (cover_rand). Default: ${DEFAULT-VALUE}.")
    int coverRadius;

    @Option(names = "--seed", defaultValue = "10000,18000,19000", paramLabel = "B1,B2,...|auto",
            description = "Bases chosen before the greedy steps; 'auto' seeds with the best pair. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--extrema-per-base", defaultValue = "6", description = "Peaks and troughs kept per base. Default: ${DEFAULT-VALUE}.")
    int extremaPerBase;

    @Option(names = "--tolerance", defaultValue = "0.001",
            description = "An extremum matches the running envelope within this. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--peak-spacing", defaultValue = "50",
            description = "Recorded peaks are strictly more than this apart. Default: ${DEFAULT-VALUE}.")
    int peakSpacing;

    @Option(names = "--trough-spacing", defaultValue = "60",
            description = "Recorded troughs are strictly more than this apart. Default: ${DEFAULT-VALUE}.")
    int troughSpacing;

    @Option(names = "--envelope-step", defaultValue = "50",
            description = "The envelope window starts at most this far past a match. Default: ${DEFAULT-VALUE}.")
    int envelopeStep;

    @Option(names = "--peak-window", defaultValue = "500",
            description = "Samples in the peak finder's look-ahead window. Default: ${DEFAULT-VALUE}.")
    int peakWindow;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SearchSettings settings = SearchSettings.builder()
                .headDim(headDim)
                .window(from, to)
                .count(count)
                .candidates(baseLow, baseHigh, baseGap)
                .coverRadius(coverRadius)
                .seed(seedBases())
                .envelope(new EnvelopeRule(extremaPerBase, tolerance, peakSpacing, troughSpacing, envelopeStep, peakWindow))
                .build();
        SearchResult result = new BaseSearch(settings).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.pretty(json(result)));
        } else {
            printText(out, settings, result);
        }
        out.flush();
        return 0;
    }

    private List<Double> seedBases() {
        if (seed.equals("auto")) {
            return List.of();
        }
        try {
            return Presets.parse(seed);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage().replace("--buckets", "--seed"));
        }
    }

    private static void printText(PrintWriter out, SearchSettings settings, SearchResult result) {
        out.printf(Locale.ROOT, "Base search: d = %d, m = %d … %d, candidates %s … %s step %s, δ = %d%n",
                settings.headDim(), settings.from(), settings.to(), Presets.format(settings.baseLow()),
                Presets.format(settings.baseHigh()), Presets.format(settings.baseGap()), settings.coverRadius());
        if (result.seeding() != null) {
            SeedPair chosen = result.seeding().chosen();
            out.println("Automatic seeding, pairs with a non-zero cover (first, second, cover, dis):");
            for (SeedPair pair : result.seeding().considered()) {
                out.printf(Locale.ROOT, "  %s (%s, %s)  %d  %s%n", pair == chosen ? "*" : " ", Presets.format(pair.first()),
                        Presets.format(pair.second()), pair.cover(), dis(pair.dis()));
            }
        }
        List<Double> seedBases = result.seeding() == null ? settings.seed()
                : List.of(result.seeding().chosen().first(), result.seeding().chosen().second());
        out.println("Seed " + bases(seedBases) + ":");
        printState(out, result.seeded());
        int number = 1;
        for (GreedyStep step : result.steps()) {
            out.printf(Locale.ROOT, "Step %d, candidates with a non-zero cover (base, cover, dis):%n", number++);
            for (Candidate c : step.covering()) {
                out.printf(Locale.ROOT, "  %s %6s  %d  %s%n", c.equals(step.chosen()) ? "*" : " ",
                        Presets.format(c.base()), c.cover(), dis(c.dis()));
            }
            out.printf(Locale.ROOT, "Chosen %s (cover %d, dis %s); state after:%n",
                    Presets.format(step.chosen().base()), step.chosen().cover(), dis(step.chosen().dis()));
            printState(out, step.after());
        }
        out.println("Bases: " + bases(result.bases()));
        out.println("(The published experiments use the presets, e.g. toolbench-6 and rag-7, not a search output.)");
    }

    private static void printState(PrintWriter out, SearchState state) {
        out.println("  P (" + state.peaks().size() + ") = " + String.join(" ", state.peaks().stream().map(String::valueOf).toList()));
        out.println("  T (" + state.troughs().size() + ") = " + String.join(" ", state.troughs().stream().map(String::valueOf).toList()));
    }

    private static Map<String, Object> json(SearchResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("bases", result.bases());
        if (result.seeding() != null) {
            Map<String, Object> seeding = new LinkedHashMap<>();
            seeding.put("chosen", result.seeding().chosen());
            seeding.put("considered", result.seeding().considered());
            root.put("seeding", seeding);
        }
        root.put("seeded", result.seeded());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (GreedyStep step : result.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("chosen", step.chosen());
            s.put("covering", step.covering());
            s.put("after", step.after());
            steps.add(s);
        }
        root.put("steps", steps);
        return root;
    }

    private static String bases(List<Double> bases) {
        return "[" + String.join(", ", bases.stream().map(Presets::format).toList()) + "]";
    }

    private static String dis(double dis) {
        return Double.isInfinite(dis) ? "inf" : String.format(Locale.ROOT, "%.4g", dis);
    }
}
