package io.stave.agent;

import java.util.Map;
import java.util.TreeMap;

/** What one episode spent and met (harness.md §10); filled by the search, read by the ledger. */
public final class Counters {

    int llmCalls;
    long totalTokens;
    long promptTokens;
    long completionTokens;
    int llmFailures;
    String lastFailure;
    int diversityPrompts;
    int backtracks;
    int expansions;
    final Map<String, Integer> toolSources = new TreeMap<>();
    final Map<Integer, Integer> toolStatus = new TreeMap<>();

    void tool(ActionOutcome outcome) {
        toolSources.merge(outcome.source(), 1, Integer::sum);
        toolStatus.merge(outcome.status(), 1, Integer::sum);
    }

    public int llmCalls() {
        return llmCalls;
    }

    public long totalTokens() {
        return totalTokens;
    }

    public long promptTokens() {
        return promptTokens;
    }

    public long completionTokens() {
        return completionTokens;
    }

    public int llmFailures() {
        return llmFailures;
    }

    /** The error text of the last failed model call, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    public int diversityPrompts() {
        return diversityPrompts;
    }

    public int backtracks() {
        return backtracks;
    }

    public int expansions() {
        return expansions;
    }

    /** Tool calls by source ({@code live}, {@code cache}, ...). */
    public Map<String, Integer> toolSources() {
        return toolSources;
    }

    /** Tool calls (Finish included) by status code. */
    public Map<Integer, Integer> toolStatus() {
        return toolStatus;
    }

    /** Tool calls that did not return status 0, 3 or 4 (errors the model saw). */
    public int toolErrors() {
        int errors = 0;
        for (Map.Entry<Integer, Integer> entry : toolStatus.entrySet()) {
            int code = entry.getKey();
            if (code != 0 && code != 3 && code != 4) {
                errors += entry.getValue();
            }
        }
        return errors;
    }
}
