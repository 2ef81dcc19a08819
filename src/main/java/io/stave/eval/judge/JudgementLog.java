package io.stave.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.store.JsonlWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends one line per judge decision to {@code judgements.jsonl} (harness.md §3): group, query,
 * model, sample (run or round), attempt, function, verdict and reason — the audit trail of an
 * evaluation, next to its result files. A failed call is logged with its error.
 */
public final class JudgementLog implements Judge {

    private final Judge delegate;
    private final JsonlWriter log;

    public JudgementLog(Judge delegate, JsonlWriter log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public JudgeReply call(JudgeCall call) {
        Map<String, Object> line = new LinkedHashMap<>();
        JudgeContext c = call.context();
        line.put("group", c.group());
        line.put("qid", c.qid());
        line.put(c.answerModels().isEmpty() ? "model" : "models", c.answerModels().isEmpty() ? c.model() : c.answerModels());
        line.put("sample", c.sample());
        line.put("attempt", call.attempt());
        line.put("function", call.function().functionName());
        line.put("judge", delegate.id());
        try {
            JudgeReply reply = delegate.call(call);
            JsonNode result = reply.result(call.function());
            line.put("result", result);
            line.put("reason", reply.reason());
            log.append(line);
            return reply;
        } catch (JudgeException e) {
            line.put("error", e.getMessage());
            log.append(line);
            throw e;
        }
    }

    @Override
    public JsonNode request(JudgeCall call) {
        return delegate.request(call);
    }

    @Override
    public String id() {
        return delegate.id();
    }
}
