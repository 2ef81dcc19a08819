package io.stave.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.eval.Groups;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code recorded:DIR} — a judge that answers with the labels of published ToolEval or
 * StableToolEval result files, so published evaluations can be re-aggregated without a model.
 *
 * <p>DIR is searched recursively for {@code <group>_<model>.json} pass-rate files (§2.8) and
 * {@code <group>_<reference>_<candidate>.json} preference files (§2.9). Answer-status calls return
 * the recorded status of (group, model, query, run); StableToolEval files record every run; v2
 * files record only label counts, so run {@code r} is answered Solved for the first {@code passed}
 * runs and Unsolved after, which reproduces the counts. Task-status calls return Solvable, so
 * that each synthesised v2 run carries its recorded label. {@code select_better_answer} in round {@code r}
 * returns the reference for the first {@code a} rounds and the candidate for the next {@code b},
 * mapped to the position the answer has in this call.
 */
public final class RecordedJudge implements Judge {

    private record PassRecord(Path file, List<String> runKeys, Map<String, AnswerStatus> runs, int passed,
            TaskStatus taskStatus) {}

    private record PreferenceRecord(Path file, String reference, String candidate, int referenceWins, int candidateWins) {}

    private final Path dir;
    private final Map<String, PassRecord> passRates = new HashMap<>();
    private final Map<String, PreferenceRecord> preferences = new HashMap<>();

    private RecordedJudge(Path dir) {
        this.dir = dir;
    }

    public static RecordedJudge load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("recorded:" + dir + ": expected a directory of ToolEval result files");
        }
        RecordedJudge judge = new RecordedJudge(dir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("recorded:" + dir + ": cannot list: " + e.getMessage(), e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Groups.prefixOf(name).ifPresent(group -> judge.read(file, group, name.substring(group.length() + 1, name.length() - 5)));
        }
        if (judge.passRates.isEmpty() && judge.preferences.isEmpty()) {
            throw new BadInputException("recorded:" + dir + ": expected pass-rate (<group>_<model>.json) or preference "
                    + "(<group>_<ref>_<cand>.json) result files, found none");
        }
        return judge;
    }

    private void read(Path file, String group, String rest) {
        ObjectNode root = EvalFiles.readObject(file);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode entry = e.getValue();
            String qid = e.getKey();
            if (entry.has("is_solved")) {
                readPassRate(file, group, rest, qid, entry);
            } else if (entry.has("round_0")) {
                List<String> models = new ArrayList<>();
                entry.fieldNames().forEachRemaining(k -> {
                    if (!k.startsWith("round_")) {
                        models.add(k);
                    }
                });
                if (models.size() != 2) {
                    throw BadInputException.at(file, "$." + qid, "the round counts of two models (preference format, §2.9)");
                }
                preferences.put(preferenceKey(group, models.get(0), models.get(1), qid), new PreferenceRecord(file,
                        models.get(0), models.get(1), entry.get(models.get(0)).asInt(), entry.get(models.get(1)).asInt()));
            } else {
                return; // not a result file (e.g. a converted answer file named like one)
            }
        }
    }

    private void readPassRate(Path file, String group, String model, String qid, JsonNode entry) {
        JsonNode solved = entry.get("is_solved");
        Map<String, AnswerStatus> runs = new HashMap<>();
        List<String> keys = new ArrayList<>();
        if (solved.isObject()) {
            solved.fields().forEachRemaining(run -> {
                keys.add(run.getKey());
                runs.put(run.getKey(), status(file, "$." + qid + ".is_solved." + run.getKey(), run.getValue().asText()));
            });
        }
        // Synthesised v2 runs are Solved or Unsolved-on-a-solvable-task, so that each run's label is the
        // recorded one (the recorded task_solvable is the last run's and could turn a failure into a pass).
        passRates.put(passKey(group, model, qid), new PassRecord(file, keys, runs, entry.path("passed").asInt(0),
                TaskStatus.Solvable));
    }

    @Override
    public JudgeReply call(JudgeCall call) {
        JudgeContext c = call.context();
        ObjectNode args = Json.NODES.objectNode();
        String field = call.function().resultField();
        switch (call.function()) {
            case CHECK_ANSWER_STATUS, PARSE_ANSWER_STATUS -> {
                PassRecord record = passRecord(c);
                AnswerStatus status;
                if (!record.runs().isEmpty()) {
                    status = record.runs().get(Integer.toString(c.sample()));
                    if (status == null) {
                        throw new JudgeException("recorded:" + dir + ": " + record.file() + " has no run " + c.sample()
                                + " for query " + c.qid() + " (runs " + record.runKeys() + ")");
                    }
                } else {
                    status = c.sample() < record.passed() ? AnswerStatus.Solved : AnswerStatus.Unsolved;
                }
                args.put(field, status.name());
                args.put("reason", "recorded in " + record.file().getFileName());
            }
            case CHECK_TASK_SOLVABLE -> {
                PassRecord record = passRecord(c);
                args.put(field, record.taskStatus().name());
                args.put("reason", "recorded in " + record.file().getFileName());
            }
            case SELECT_BETTER_ANSWER -> {
                List<String> models = c.answerModels();
                PreferenceRecord record = preferences.get(preferenceKey(c.group(), models.get(0), models.get(1), c.qid()));
                if (record == null) {
                    record = preferences.get(preferenceKey(c.group(), models.get(1), models.get(0), c.qid()));
                }
                if (record == null) {
                    throw new JudgeException("recorded:" + dir + ": no preference recorded for query " + c.qid() + " of "
                            + c.group() + " between " + models.get(0) + " and " + models.get(1));
                }
                String winner;
                if (c.sample() < record.referenceWins()) {
                    winner = record.reference();
                } else if (c.sample() < record.referenceWins() + record.candidateWins()) {
                    winner = record.candidate();
                } else {
                    throw new JudgeException("recorded:" + dir + ": " + record.file() + " records "
                            + (record.referenceWins() + record.candidateWins()) + " decided rounds for query " + c.qid()
                            + ", round " + c.sample() + " was asked");
                }
                args.put(field, models.indexOf(winner));
                args.put("reason", "recorded in " + record.file().getFileName());
            }
            default -> throw new JudgeException("recorded:" + dir + ": no labels are published for "
                    + call.function().functionName() + " (ToolEval v1's per-query preferences were not released)");
        }
        return new JudgeReply(args);
    }

    private PassRecord passRecord(JudgeContext c) {
        PassRecord record = passRates.get(passKey(c.group(), c.model(), c.qid()));
        if (record == null) {
            throw new JudgeException("recorded:" + dir + ": no pass-rate label recorded for query " + c.qid() + " of "
                    + c.group() + " by model " + c.model());
        }
        return record;
    }

    @Override
    public String id() {
        return "recorded:" + dir;
    }

    private static String passKey(String group, String model, String qid) {
        return group + "\u0000" + model + "\u0000" + qid;
    }

    private static String preferenceKey(String group, String reference, String candidate, String qid) {
        return group + "\u0000" + reference + "\u0000" + candidate + "\u0000" + qid;
    }

    private static AnswerStatus status(Path file, String where, String label) {
        AnswerStatus status = AnswerStatus.fromLabel(label);
        if (status == null) {
            throw BadInputException.at(file, where, "an AnswerStatus label, found '" + label + "'");
        }
        return status;
    }
}
