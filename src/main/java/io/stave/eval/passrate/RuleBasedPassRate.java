package io.stave.eval.passrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.eval.EvalFiles;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.Steps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * ToolEval v1's rule-based pass rate (§11.1, {@code pass_rate.py}): an answer passes iff it gave an
 * answer whose Finish arguments, lower-cased, contain none of the apology words. On raw answer files
 * the answer is a {@code compare_candidates} chain ending in Finish, and files with an LLM failure
 * ({@code observation_code == -1}) are discarded; on converted files it is a non-empty
 * {@code final_answer} that is not a give-up.
 */
public final class RuleBasedPassRate {

    public static final List<String> APOLOGY_WORDS = List.of("sorry", "apologize", "apology", "unfortunately", "couldn't");

    private RuleBasedPassRate() {}

    /** The rule on a converted answer (§2.7). */
    public static boolean passesConverted(JsonNode example) {
        String finalAnswer = example.path("answer").path("final_answer").asText("");
        return !finalAnswer.isEmpty() && !finalAnswer.contains("give_up_and_restart") && noApology(finalAnswer);
    }

    /** The rule on a raw answer file (§2.6): some candidate's last node is an apology-free Finish. */
    public static boolean passesRaw(JsonNode raw) {
        for (JsonNode candidate : raw.path("compare_candidates")) {
            if (candidate.isArray() && !candidate.isEmpty()
                    && noApology(candidate.get(candidate.size() - 1).path("description").asText(""))) {
                return true;
            }
        }
        return false;
    }

    /** True when any node of the file records a failed LLM call. */
    public static boolean hasLlmFailure(JsonNode node) {
        if (node.isObject()) {
            JsonNode code = node.get("observation_code");
            if (code != null && code.isNumber() && code.asInt() == -1) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && hasLlmFailure(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noApology(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return APOLOGY_WORDS.stream().noneMatch(lower::contains);
    }

    /** The pass rate of a converted file: one rule "run" per query. */
    public static GroupPassRate ofConverted(ObjectNode converted, String group, String model) {
        List<QueryPassRate> queries = new ArrayList<>();
        converted.fields().forEachRemaining(e -> queries.add(query(e.getKey(), e.getValue(), passesConverted(e.getValue()))));
        return new GroupPassRate(group, model, PassRateRule.V1, queries, queries.size(), 1, List.of());
    }

    /**
     * The pass rate of a directory of raw answer files ({@code *.json} whose name contains the
     * method); discarded files are listed in {@code notJudged}.
     */
    public static GroupPassRate ofRawAnswers(Path dir, String method, String group, String model) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")
                    && f.getFileName().toString().contains(method)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": expected a directory of raw answer files (" + e.getMessage() + ")", e);
        }
        List<QueryPassRate> queries = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String qid = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
            JsonNode raw = EvalFiles.readJson(file);
            if (hasLlmFailure(raw)) {
                discarded.add(qid + ": discarded, an LLM call failed (observation_code -1)");
                continue;
            }
            queries.add(query(qid, raw.path("answer_generation"), passesRaw(raw)));
        }
        return new GroupPassRate(group, model, PassRateRule.V1, queries, queries.size(), 1, discarded);
    }

    private static QueryPassRate query(String qid, JsonNode example, boolean passes) {
        RunVerdict run = new RunVerdict(0, passes ? AnswerStatus.Solved : AnswerStatus.Unsolved, null,
                passes ? RunVerdict.PASSED : RunVerdict.FAILED, passes ? "rule: answered without apology" : "rule: no apology-free answer", true);
        return new QueryPassRate(qid, example.path("query").asText(), PassRateEvaluator.toolNames(example),
                example.has("answer") ? Steps.of(example) : new Steps("", ""), passes ? 1 : 0, passes ? 0 : 1, List.of(run));
    }
}
