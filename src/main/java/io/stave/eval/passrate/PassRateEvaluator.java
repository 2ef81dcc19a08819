package io.stave.eval.passrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.eval.Seeds;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeContext;
import io.stave.eval.judge.JudgeException;
import io.stave.eval.tooleval.AnswerPass;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.Hallucination;
import io.stave.eval.tooleval.Steps;
import io.stave.eval.tooleval.TaskStatus;
import io.stave.eval.tooleval.ToolEvalChecks;
import io.stave.eval.tooleval.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ToolEval v2's pass rate (§9.4) and StableToolEval's SoPR (§10.1) over the converted answers of one
 * group: {@code times} independent evaluations per query, run concurrently and keyed by
 * (query, run) so the result never depends on completion order; the v2 Unsure coin is seeded per
 * (group, query, run).
 */
public final class PassRateEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(PassRateEvaluator.class);

    private final PassRateRule rule;
    private final ToolEvalChecks checks;
    private final int times;
    private final long seed;
    private final int threads;

    private PassRateEvaluator(Builder b) {
        this.rule = b.rule;
        this.checks = new ToolEvalChecks(b.judge);
        this.times = b.times;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    public static Builder builder(Judge judge) {
        return new Builder(judge);
    }

    /**
     * @param converted the converted file's object (qid → converted answer)
     * @param testIds   the group's test ids, or null to evaluate every converted answer
     */
    public GroupPassRate evaluate(Path convertedFile, ObjectNode converted, Collection<String> testIds, String group, String model) {
        return evaluate(convertedFile, converted, testIds, group, model, null);
    }

    /**
     * Resumes an evaluation: the queries of {@code previous} (results read back from an earlier run's
     * file) are kept as they are and not judged again, as the original skips ids already in its JSON.
     */
    public GroupPassRate evaluate(Path convertedFile, ObjectNode converted, Collection<String> testIds, String group, String model,
            GroupPassRate previous) {
        List<String> selected = new ArrayList<>();
        converted.fieldNames().forEachRemaining(qid -> {
            if (testIds == null || testIds.contains(qid)) {
                selected.add(qid);
            }
        });
        if (testIds != null && selected.isEmpty() && !converted.isEmpty()) {
            throw BadInputException.at(convertedFile, "$", "answers to the queries of the test-id set of " + group
                    + " (" + testIds.size() + " ids), found none of them: is it the converted file of another group or suite?");
        }
        List<QueryPassRate> kept = previous == null ? List.of() : previous.queries();
        Set<String> done = new java.util.HashSet<>();
        kept.forEach(q -> done.add(q.qid()));
        List<String> qids = selected.stream().filter(qid -> !done.contains(qid)).toList();
        Map<String, RunVerdict> verdicts = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (String qid : qids) {
                JsonNode example = converted.get(qid);
                for (int run = 0; run < times; run++) {
                    int r = run;
                    futures.add(pool.submit(() -> {
                        try {
                            verdicts.put(qid + "/" + r, evaluateOnce(group, model, qid, example, r));
                        } catch (JudgeException e) {
                            failures.put(qid + "/" + r, e.getMessage());
                        }
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pass-rate evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<QueryPassRate> queries = new ArrayList<>(kept);
        List<String> notJudged = new ArrayList<>();
        for (String qid : qids) {
            JsonNode example = converted.get(qid);
            List<RunVerdict> runs = new ArrayList<>();
            int passed = 0;
            int failed = 0;
            for (int r = 0; r < times; r++) {
                RunVerdict verdict = verdicts.get(qid + "/" + r);
                if (verdict == null) {
                    notJudged.add(qid + "/" + r + ": " + failures.get(qid + "/" + r));
                    continue;
                }
                runs.add(verdict);
                if (RunVerdict.PASSED.equals(verdict.label())) {
                    passed++;
                } else if (RunVerdict.FAILED.equals(verdict.label())) {
                    failed++;
                }
            }
            if (runs.isEmpty()) {
                continue; // not judged at all: reported, not counted (an infrastructure failure, not an answer)
            }
            queries.add(new QueryPassRate(qid, example.path("query").asText(), toolNames(example), Steps.of(example),
                    passed, failed, runs));
        }
        notJudged.forEach(line -> LOG.warn("not judged: {}", line));
        Set<String> all = new LinkedHashSet<>(selected);
        all.addAll(done);
        int testSetSize = testIds == null ? all.size() : new LinkedHashSet<>(testIds).size();
        return new GroupPassRate(group, model, rule, queries, testSetSize, times, notJudged);
    }

    /** One evaluation of one answer (the original's {@code compute_pass_rate}). */
    RunVerdict evaluateOnce(String group, String model, String qid, JsonNode example, int run) {
        boolean notHallucinate = Hallucination.notHallucinate(example);
        Steps steps = Steps.of(example);
        if (!steps.endsWithFinish()) {
            return new RunVerdict(run, AnswerStatus.Unsolved, rule == PassRateRule.V2 ? TaskStatus.Solvable : null,
                    rule == PassRateRule.V2 ? RunVerdict.FAILED : null, "No answer", notHallucinate);
        }
        ObjectNode task = ToolEvalChecks.task(example.get("query"), example.get("available_tools"));
        JudgeContext context = JudgeContext.forAnswer(group, qid, model, run);
        Verdict<AnswerStatus> solved = checks.checkIsSolved(task, example.path("answer"), true, context);
        if (rule == PassRateRule.STABLE) {
            return new RunVerdict(run, solved.status(), null, null, solved.reason(), notHallucinate);
        }
        Verdict<TaskStatus> solvable = checks.checkTaskSolvable(task, solved.status() == AnswerStatus.Solved, true, context);
        String label = switch (AnswerPass.of(solved.status(), solvable.status())) {
            case Passed -> RunVerdict.PASSED;
            case Failed -> RunVerdict.FAILED;
            case Unsure -> Seeds.random(seed, "judge-coin", group, qid, run).random() < 0.5 ? RunVerdict.PASSED : RunVerdict.FAILED;
        };
        String reason = "Is solved: " + solved.reason() + "\nTask solvable: " + solvable.reason();
        return new RunVerdict(run, solved.status(), solvable.status(), label, reason, notHallucinate);
    }

    static List<String> toolNames(JsonNode example) {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : example.path("available_tools")) {
            JsonNode name = tool.has("name") ? tool.get("name") : tool.path("function").path("name");
            names.add(name.asText());
        }
        return names;
    }

    /** Options of a pass-rate evaluation. */
    public static final class Builder {
        private final Judge judge;
        private PassRateRule rule = PassRateRule.V2;
        private int times = 7;
        private long seed = Seeds.TOOLBENCH_SEED;
        private int threads = 8;

        private Builder(Judge judge) {
            this.judge = judge;
        }

        public Builder rule(PassRateRule rule) {
            if (rule == PassRateRule.V1) {
                throw new IllegalArgumentException("the v1 pass rate is rule-based: use RuleBasedPassRate");
            }
            this.rule = rule;
            return this;
        }

        /** Evaluations per query (ToolBench scripts 7, StableToolBench scripts 3). */
        public Builder times(int times) {
            if (times < 1) {
                throw new BadInputException("--times: expected at least 1, found " + times);
            }
            this.times = times;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Concurrent judge calls. */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public PassRateEvaluator build() {
            return new PassRateEvaluator(this);
        }
    }
}
