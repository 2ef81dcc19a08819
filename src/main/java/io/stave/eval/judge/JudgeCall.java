package io.stave.eval.judge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of an evaluator function: its {@code str.format} arguments (already rendered as the
 * original renders them), whether the schema asks for a {@code reason}, the context, and the
 * attempt number (a reply rejected by the caller, such as an index out of range, is asked again).
 */
public record JudgeCall(
        JudgeFunction function, Map<String, String> arguments, boolean returnReason, JudgeContext context, int attempt) {

    public JudgeCall {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    public JudgeCall withAttempt(int next) {
        return new JudgeCall(function, arguments, returnReason, context, next);
    }
}
