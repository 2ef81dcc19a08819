package io.stave.experiments;

import io.stave.BadInputException;
import io.stave.buckets.BucketGeneration;
import io.stave.decoder.model.Model;
import io.stave.decoder.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The key-value retrieval probe (lost in the middle; attention-buckets.md §7.1): accuracy by gold
 * index, for each single base and each bucket set, on the same seeded examples. Decoding is greedy
 * with 100 new tokens, as in the Attention Buckets RAG runs; the answer is scored by substring.
 */
public final class KvRetrieval {

    /** A set of bucket bases run together, with the label it is reported under. */
    public record Configuration(String label, List<Double> bases) {
        public Configuration {
            bases = List.copyOf(bases);
        }
    }

    /**
     * The accuracy of one configuration at one gold index.
     *
     * @param correct  examples whose answer contains the gold value
     * @param examples examples run
     * @param answers  the generated answers, in example order
     */
    public record Cell(int correct, int examples, List<String> answers) {
        public Cell {
            answers = List.copyOf(answers);
        }

        public double accuracy() {
            return examples == 0 ? 0 : (double) correct / examples;
        }
    }

    /**
     * Everything measured.
     *
     * @param positions     gold indices (0-based), in column order
     * @param distances     per gold index, the mean token distance from the end of the gold value to
     *                      the end of the prompt: the waveform distance m it maps to
     * @param promptTokens  per gold index, the mean prompt length in tokens
     * @param cells         [configuration][position]
     */
    public record Result(int pairs, int examples, long seed, double positionScale, List<Configuration> configurations,
            List<Integer> positions, List<Double> distances, List<Double> promptTokens, List<List<Cell>> cells) {
        public Result {
            configurations = List.copyOf(configurations);
            positions = List.copyOf(positions);
            distances = List.copyOf(distances);
            promptTokens = List.copyOf(promptTokens);
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    private final Model model;
    private final int pairs;
    private final List<Integer> positions;
    private final int examples;
    private final long seed;
    private final int maxNewTokens;
    private final double positionScale;
    private final List<Configuration> configurations;

    private KvRetrieval(Builder b) {
        this.model = Objects.requireNonNull(b.model);
        this.pairs = b.pairs;
        this.positions = b.positions == null ? allPositions(b.pairs) : List.copyOf(b.positions);
        this.examples = b.examples;
        this.seed = b.seed;
        this.maxNewTokens = b.maxNewTokens;
        this.positionScale = b.positionScale == null ? model.config().ropeScale() : b.positionScale;
        this.configurations = b.configurations.isEmpty()
                ? List.of(new Configuration("single", List.of(model.config().ropeBase())))
                : List.copyOf(b.configurations);
        if (pairs < 1) {
            throw new BadInputException("--pairs: expected at least 1, got " + pairs);
        }
        if (examples < 1) {
            throw new BadInputException("--examples: expected at least 1, got " + examples);
        }
        for (int position : positions) {
            if (position < 0 || position >= pairs) {
                throw new BadInputException("--positions: expected gold indices in 0 … " + (pairs - 1) + ", got " + position);
            }
        }
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /** The examples of one gold index: the same for every configuration, reproducible from the seed. */
    public List<KvRecords> examplesAt(int position) {
        Random random = new Random(seed * 1_000_003L + position);
        List<KvRecords> list = new ArrayList<>();
        for (int e = 0; e < examples; e++) {
            list.add(KvRecords.generate(random, pairs, position));
        }
        return list;
    }

    /**
     * Per gold index, the mean token distance from the end of the gold value to the end of the
     * prompt, and the mean prompt length; checks that every prompt fits the context.
     */
    public record Layout(List<Double> distances, List<Double> promptTokens) {}

    public Layout layout() {
        List<Double> distances = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        long limit = (long) Math.floor(model.config().contextLength() * Math.max(1.0, positionScale));
        for (int position : positions) {
            double distance = 0, length = 0;
            for (KvRecords example : examplesAt(position)) {
                int[] tokens = model.tokenizer().encode(example.prompt(), true);
                if (tokens.length + maxNewTokens > limit) {
                    throw new BadInputException("--pairs " + pairs + ": the prompt takes " + tokens.length
                            + " tokens, + " + maxNewTokens + " new ones exceeds the model's context of " + limit);
                }
                length += tokens.length;
                distance += distanceAfterGold(model.tokenizer(), example, tokens.length);
            }
            distances.add(distance / examples);
            lengths.add(length / examples);
        }
        return new Layout(distances, lengths);
    }

    /** Runs every configuration on every example; {@code progress} hears one line per cell. */
    public Result run(Consumer<String> progress) {
        Layout layout = layout();
        List<List<KvRecords>> data = positions.stream().map(this::examplesAt).toList();
        List<List<Cell>> cells = new ArrayList<>();
        for (Configuration configuration : configurations) {
            BucketGeneration generation = BucketGeneration.builder(model).bases(configuration.bases())
                    .positionScale(positionScale).maxNewTokens(maxNewTokens).build();
            List<Cell> row = new ArrayList<>();
            for (int p = 0; p < positions.size(); p++) {
                int correct = 0;
                List<String> answers = new ArrayList<>();
                for (KvRecords example : data.get(p)) {
                    String answer = generation.generate(example.prompt(), text -> {}).generation().text();
                    answers.add(answer);
                    correct += example.isCorrect(answer) ? 1 : 0;
                }
                row.add(new Cell(correct, examples, answers));
                progress.accept(String.format(java.util.Locale.ROOT, "%s, gold index %d: %d/%d",
                        configuration.label(), positions.get(p), correct, examples));
            }
            cells.add(row);
        }
        return new Result(pairs, examples, seed, positionScale, configurations, positions, layout.distances(),
                layout.promptTokens(), cells);
    }

    /** Tokens from the end of the gold value to the end of the prompt ({@code basic.py: print_data_len}). */
    static int distanceAfterGold(Tokenizer tokenizer, KvRecords example, int promptTokens) {
        String prompt = example.prompt();
        int end = prompt.indexOf(example.value()) + example.value().length();
        return promptTokens - tokenizer.encode(prompt.substring(0, end), true).length;
    }

    private static List<Integer> allPositions(int pairs) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            all.add(i);
        }
        return all;
    }

    /** Defaults: 20 pairs, every gold index, 10 examples each, seed 0, 100 new tokens, the model's own scale. */
    public static final class Builder {
        private final Model model;
        private int pairs = 20;
        private List<Integer> positions;
        private int examples = 10;
        private long seed;
        private int maxNewTokens = 100;
        private Double positionScale;
        private final List<Configuration> configurations = new ArrayList<>();

        private Builder(Model model) {
            this.model = model;
        }

        public Builder pairs(int pairs) { this.pairs = pairs; return this; }
        /** Gold indices to sweep (0-based); by default every index. */
        public Builder positions(List<Integer> positions) { this.positions = positions; return this; }
        public Builder examples(int examples) { this.examples = examples; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder maxNewTokens(int maxNewTokens) { this.maxNewTokens = maxNewTokens; return this; }
        public Builder positionScale(double positionScale) { this.positionScale = positionScale; return this; }
        /** Adds a configuration; without any, the model's own base runs alone. */
        public Builder configuration(String label, List<Double> bases) {
            configurations.add(new Configuration(label, bases));
            return this;
        }

        public KvRetrieval build() {
            return new KvRetrieval(this);
        }
    }
}
