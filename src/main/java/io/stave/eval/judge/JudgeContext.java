package io.stave.eval.judge;

import java.util.List;

/**
 * What a judge call is about, beyond its prompt: the group and query, the model whose answer is
 * judged (or, for {@code select_better_answer}, the models at positions 0 and 1), and the sample
 * index (pass-rate run or preference round). API judges ignore it except for the cache key's
 * sample index; the recorded judge looks its labels up by it.
 */
public record JudgeContext(String group, String qid, String model, List<String> answerModels, int sample) {

    public JudgeContext {
        answerModels = answerModels == null ? List.of() : List.copyOf(answerModels);
    }

    public static JudgeContext forAnswer(String group, String qid, String model, int sample) {
        return new JudgeContext(group, qid, model, List.of(), sample);
    }

    public static JudgeContext forPair(String group, String qid, List<String> answerModels, int sample) {
        return new JudgeContext(group, qid, null, answerModels, sample);
    }
}
