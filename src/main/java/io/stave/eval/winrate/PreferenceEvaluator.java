package io.stave.eval.winrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.PyRandom;
import io.stave.bench.py.PyStrings;
import io.stave.eval.Seeds;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeContext;
import io.stave.eval.judge.JudgeException;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.TaskStatus;
import io.stave.eval.tooleval.ToolEvalChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ToolEval v2's win rate (§9.5) and StableToolEval's SoWR (§10.2): for every test id and round,
 * the pass-rate shortcut, the missing-answer rule, then {@code annotate_preference} — processed
 * answers in shuffled order, statuses (from the pass-rate CSVs or fresh {@code check_is_solved}
 * calls), and {@code select_better_answer} where the statuses do not decide. Rounds of one query run
 * in order; queries run concurrently; every random choice is seeded per (group, query, round).
 */
public final class PreferenceEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(PreferenceEvaluator.class);

    private final ToolEvalChecks checks;
    private final PassRateRule rule;
    private final int rounds;
    private final long seed;
    private final boolean statusShuffleBug;
    private final StbShortcut stbShortcut;
    private final int threads;

    /** SoWR's pass-rate shortcut (§10.2, {@code eval.stb_shortcut}). */
    public enum StbShortcut {
        /** As released: exact status strings against per-run dict cells, so it never fires. */
        NEVER,
        /** The majority of the per-run statuses of each side's {@code is_solved} cell. */
        MAJORITY;

        public static StbShortcut parse(String text) {
            return switch (text == null ? "never" : text) {
                case "never" -> NEVER;
                case "majority" -> MAJORITY;
                default -> throw new BadInputException("--stb-shortcut: expected never or majority, found '" + text + "'");
            };
        }
    }

    private PreferenceEvaluator(Builder b) {
        this.checks = new ToolEvalChecks(b.judge);
        this.rule = b.rule;
        this.rounds = b.rounds;
        this.seed = b.seed;
        this.statusShuffleBug = b.statusShuffleBug;
        this.stbShortcut = b.stbShortcut;
        this.threads = b.threads;
    }

    public static Builder builder(Judge judge) {
        return new Builder(judge);
    }

    /** The two sides of a comparison: converted answers and, optionally, their pass-rate CSV cells. */
    public record Side(String model, ObjectNode converted, Map<String, Map<String, String>> passRate) {}

    public GroupPreference evaluate(String group, List<String> testIds, Side reference, Side candidate) {
        Map<String, QueryPreference> results = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (String qid : testIds) {
                futures.add(pool.submit(() -> results.put(qid, evaluateQuery(group, qid, reference, candidate, failures))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("win-rate evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        List<QueryPreference> ordered = testIds.stream().map(results::get).toList();
        List<String> notJudged = new ArrayList<>(failures.values().stream().sorted().toList());
        notJudged.forEach(line -> LOG.warn("not judged: {}", line));
        return new GroupPreference(group, reference.model(), candidate.model(), ordered, notJudged);
    }

    private QueryPreference evaluateQuery(String group, String qid, Side reference, Side candidate, Map<String, String> failures) {
        int refWins = 0;
        int candWins = 0;
        Boolean[] complete = new Boolean[rounds];
        Arrays.fill(complete, Boolean.FALSE);
        JsonNode refExample = reference.converted().get(qid);
        JsonNode candExample = candidate.converted().get(qid);
        // The original processes the loaded examples in place; processing is idempotent, so one
        // processed copy per query gives every round the same inputs.
        ObjectNode refAnswer = refExample == null ? null : processAnswer(refExample.path("answer"));
        ObjectNode candAnswer = candExample == null ? null : processAnswer(candExample.path("answer"));
        ArrayNode tools = refExample == null ? null : processTools(refExample.path("available_tools"));
        for (int round = 0; round < rounds; round++) {
            int shortcut = shortcut(qid, reference, candidate);
            if (shortcut != 0) {
                if (shortcut < 0) {
                    refWins++;
                } else {
                    candWins++;
                }
                continue;
            }
            if (refExample == null) {
                candWins++;
                continue;
            }
            if (candExample == null) {
                if (round == 0) {
                    LOG.warn("query {} of {} not in the candidate's converted answers ({}): the reference wins the round",
                            qid, group, candidate.model());
                }
                refWins++;
                continue;
            }
            try {
                int preferred = annotatePreference(group, qid, round, refExample.path("query"), tools,
                        List.of(refAnswer, candAnswer), List.of(reference.model(), candidate.model()),
                        statuses(qid, reference, candidate));
                if (preferred == 0) {
                    refWins++;
                } else {
                    candWins++;
                }
                complete[round] = Boolean.TRUE;
            } catch (JudgeException e) {
                failures.put(qid + "/" + round, qid + "/" + round + ": " + e.getMessage());
            }
        }
        return new QueryPreference(qid, refWins, candWins, Arrays.asList(complete));
    }

    /**
     * The pass-rate shortcut: −1 reference wins, +1 candidate wins, 0 no shortcut. v2 compares the
     * CSVs' {@code pass_rate_label}; StableToolEval compares {@code is_solved} cells with the exact
     * status strings, which never match its own per-run dict cells (§10.2).
     */
    private int shortcut(String qid, Side reference, Side candidate) {
        if (reference.passRate() == null || candidate.passRate() == null) {
            return 0;
        }
        Map<String, String> ref = reference.passRate().get(qid);
        Map<String, String> cand = candidate.passRate().get(qid);
        if (ref == null || cand == null) {
            return 0;
        }
        if (rule == PassRateRule.STABLE && stbShortcut == StbShortcut.MAJORITY) {
            AnswerStatus r = majorityStatus(ref.get("is_solved"));
            AnswerStatus c = majorityStatus(cand.get("is_solved"));
            return r == AnswerStatus.Solved && c == AnswerStatus.Unsolved ? -1
                    : r == AnswerStatus.Unsolved && c == AnswerStatus.Solved ? 1 : 0;
        }
        String column = rule == PassRateRule.STABLE ? "is_solved" : "pass_rate_label";
        String win = rule == PassRateRule.STABLE ? AnswerStatus.Solved.label() : "passed";
        String lose = rule == PassRateRule.STABLE ? AnswerStatus.Unsolved.label() : "failed";
        String r = ref.get(column);
        String c = cand.get(column);
        if (win.equals(r) && lose.equals(c)) {
            return -1;
        }
        if (lose.equals(r) && win.equals(c)) {
            return 1;
        }
        return 0;
    }

    private static final Pattern RUN_STATUS = Pattern.compile("AnswerStatus\\.(Solved|Unsolved|Unsure)");

    /**
     * The status held by more than half of the runs of a StableToolEval {@code is_solved} cell
     * ({@code {2: 'AnswerStatus.Unsolved', 1: …}}, or a single status); null without a majority.
     */
    static AnswerStatus majorityStatus(String cell) {
        if (cell == null) {
            return null;
        }
        Map<AnswerStatus, Integer> counts = new EnumMap<>(AnswerStatus.class);
        Matcher m = RUN_STATUS.matcher(cell);
        int runs = 0;
        while (m.find()) {
            counts.merge(AnswerStatus.valueOf(m.group(1)), 1, Integer::sum);
            runs++;
        }
        for (Map.Entry<AnswerStatus, Integer> e : counts.entrySet()) {
            if (2 * e.getValue() > runs) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Statuses from the pass-rate CSVs ({@code --use_pass_rate true}); null when any is missing or unknown. */
    private Statuses statuses(String qid, Side reference, Side candidate) {
        if (reference.passRate() == null || candidate.passRate() == null) {
            return null;
        }
        Map<String, String> ref = reference.passRate().get(qid);
        Map<String, String> cand = candidate.passRate().get(qid);
        if (ref == null || cand == null) {
            return null;
        }
        TaskStatus task = TaskStatus.fromLabel(ref.get("solvable"));
        AnswerStatus refStatus = AnswerStatus.fromLabel(ref.get("is_solved"));
        AnswerStatus candStatus = AnswerStatus.fromLabel(cand.get("is_solved"));
        if (task == null || refStatus == null || candStatus == null) {
            return null;
        }
        return new Statuses(task, List.of(refStatus, candStatus));
    }

    private record Statuses(TaskStatus task, List<AnswerStatus> answers) {}

    /** {@code annotate_preference}: returns 0 when the reference is preferred, 1 for the candidate. */
    private int annotatePreference(String group, String qid, int round, JsonNode query, ArrayNode tools,
            List<ObjectNode> answers, List<String> models, Statuses known) {
        PyRandom random = Seeds.random(seed, "judge-shuffle", group, qid, round);
        List<Integer> order = new ArrayList<>(List.of(0, 1));
        random.shuffle(order);
        List<JsonNode> shuffled = order.stream().map(i -> (JsonNode) answers.get(i)).toList();
        List<String> shuffledModels = order.stream().map(models::get).toList();
        ObjectNode task = ToolEvalChecks.task(query, tools);

        List<AnswerStatus> status;
        TaskStatus taskStatus = known == null ? null : known.task();
        if (known == null) {
            status = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                JudgeContext context = JudgeContext.forAnswer(group, qid, shuffledModels.get(i), round);
                status.add(checks.checkIsSolved(task, shuffled.get(i), false, context).status());
            }
        } else {
            status = statusShuffleBug ? known.answers() : order.stream().map(known.answers()::get).toList();
        }
        int position = normalizedCompletions(group, qid, round, query, task, shuffled, shuffledModels, status, taskStatus);
        return order.get(position);
    }

    /** {@code normalized_openai_completions}: statuses decide, else {@code select_better_answer}. */
    private int normalizedCompletions(String group, String qid, int round, JsonNode query, ObjectNode task,
            List<JsonNode> answers, List<String> models, List<AnswerStatus> status, TaskStatus taskStatus) {
        JudgeContext taskContext = JudgeContext.forAnswer(group, qid, models.getFirst(), round);
        PyRandom identical = Seeds.random(seed, "judge-identical", group, qid, round);
        for (AnswerStatus wanted : List.of(AnswerStatus.Solved, AnswerStatus.Unsure)) {
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < status.size(); i++) {
                if (status.get(i) == wanted) {
                    matching.add(i);
                }
            }
            if (matching.size() == 1) {
                return matching.getFirst();
            }
            if (matching.size() > 1) {
                if (taskStatus == null && wanted == AnswerStatus.Unsure) {
                    checks.checkTaskSolvable(task, false, false, taskContext); // made, and unused, by the original
                }
                return select(group, qid, round, query, matching, answers, models, identical);
            }
        }
        if (taskStatus == null) {
            checks.checkTaskSolvable(task, false, false, taskContext);
        }
        return select(group, qid, round, query, List.of(0, 1), answers, models, identical);
    }

    private int select(String group, String qid, int round, JsonNode query, List<Integer> candidates,
            List<JsonNode> answers, List<String> models, PyRandom identical) {
        List<JsonNode> subset = candidates.stream().map(answers::get).toList();
        JudgeContext context = JudgeContext.forPair(group, qid, candidates.stream().map(models::get).toList(), round);
        return checks.selectBetterAnswer(query.asText(), candidates, subset, identical, context);
    }

    /** {@code process_answer}: final answer cut to 1,000 code points, details to 3,000 items, no {@code method}. */
    static ObjectNode processAnswer(JsonNode answer) {
        if (!answer.isObject()) {
            throw new BadInputException("converted answer: expected an object with final_answer and answer_details");
        }
        ObjectNode copy = ((ObjectNode) answer).deepCopy();
        copy.put("final_answer", PyStrings.head(answer.path("final_answer").asText(""), 1000));
        JsonNode details = answer.path("answer_details");
        if (details.isArray() && details.size() > 3000) {
            ArrayNode cut = copy.putArray("answer_details");
            for (int i = 0; i < 3000; i++) {
                cut.add(details.get(i));
            }
        }
        copy.remove("method");
        return copy;
    }

    /** {@code process_tools}: {@code description} and {@code parameters} removed from every tool. */
    static ArrayNode processTools(JsonNode tools) {
        ArrayNode copy = io.stave.bench.py.Json.NODES.arrayNode();
        for (JsonNode tool : tools) {
            JsonNode t = tool.deepCopy();
            if (t.isObject()) {
                ((ObjectNode) t).remove(List.of("description", "parameters"));
            }
            copy.add(t);
        }
        return copy;
    }

    /** Options of a win-rate evaluation. */
    public static final class Builder {
        private final Judge judge;
        private PassRateRule rule = PassRateRule.V2;
        private int rounds = 2;
        private long seed = Seeds.TOOLBENCH_SEED;
        private boolean statusShuffleBug;
        private StbShortcut stbShortcut = StbShortcut.NEVER;
        private int threads = 8;

        private Builder(Judge judge) {
            this.judge = judge;
        }

        /** V2 (ToolEval) or STABLE (SoWR: the is_solved shortcut that never fires). */
        public Builder rule(PassRateRule rule) {
            this.rule = rule;
            return this;
        }

        /** Rounds per query ({@code --evaluate_times}; argparse default 2, StableToolBench scripts 3). */
        public Builder rounds(int rounds) {
            if (rounds < 1) {
                throw new BadInputException("--times: expected at least 1 round, found " + rounds);
            }
            this.rounds = rounds;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Keep the pass-rate statuses in [reference, candidate] order after the shuffle (§9.6, defect 2). */
        public Builder statusShuffleBug(boolean statusShuffleBug) {
            this.statusShuffleBug = statusShuffleBug;
            return this;
        }

        /** SoWR's shortcut: never (default, as released) or majority (§10.2). */
        public Builder stbShortcut(StbShortcut stbShortcut) {
            this.stbShortcut = stbShortcut;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public PreferenceEvaluator build() {
            return new PreferenceEvaluator(this);
        }
    }
}
