package io.stave.agent;

import io.stave.BadInputException;
import java.util.List;

/**
 * The {@code retriever:} section of a run config (DFSDT-Retriever, spec/toolbench.md §2.3): when set,
 * each query's {@code api_list} is replaced by the top {@code k} APIs of a corpus.
 *
 * @param model  the embedding model SPEC ({@code minilm} or {@code onnx:PATH[,...]})
 * @param k      APIs per query (ToolBench's {@code --retrieved_api_nums}, 5 in its scripts)
 * @param corpus {@code suite} (every API of the run's suites) or {@code tools} (every API of the tool root)
 * @param cache  the embedding cache folder, or null for the default location
 */
public record RetrieverSetting(String model, int k, String corpus, String cache) {

    public static final List<String> CORPORA = List.of("suite", "tools");

    public RetrieverSetting {
        if (model == null || model.isBlank()) {
            throw new BadInputException("config key retriever.model: expected minilm or onnx:PATH[,...] (or null for off)");
        }
        if (k < 1) {
            throw new BadInputException("config key retriever.k: expected a positive number of APIs, got " + k);
        }
        if (!CORPORA.contains(corpus)) {
            throw new BadInputException("config key retriever.corpus: expected one of " + CORPORA + ", got '" + corpus + "'");
        }
    }
}
