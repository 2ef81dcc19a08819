package io.stave.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.agent.retrieval.ApiCorpus;
import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.RetrievedApi;
import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.data.ToolRoot;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The retriever setting applied to a run: each query keeps its text and id but is offered the top-k
 * retrieved APIs as its {@code api_list}. As in ToolBench's retriever mode, the retrieved list then
 * takes the ordinary path: functions, system prompt and dispatch are built from it as from any api_list.
 */
public final class QueryRetrieval {

    /** A query with its api_list replaced, and the ranking that replaced it. */
    public record Retrieved(Query query, List<RetrievedApi> ranking) {}

    private final Supplier<ApiRetriever> build;
    private final RetrieverSetting setting;
    private ApiRetriever retriever;

    public QueryRetrieval(ApiRetriever retriever, RetrieverSetting setting) {
        this(setting, () -> retriever);
    }

    /**
     * @param build makes the retriever (embeds the corpus, or reads it from the cache) when the run first
     *              needs it: after the run directory's settings were checked, so a refused resume costs nothing
     */
    public QueryRetrieval(RetrieverSetting setting, Supplier<ApiRetriever> build) {
        this.setting = Objects.requireNonNull(setting, "setting");
        this.build = Objects.requireNonNull(build, "build");
    }

    private synchronized ApiRetriever retriever() {
        if (retriever == null) {
            retriever = Objects.requireNonNull(build.get(), "retriever");
        }
        return retriever;
    }

    /** The corpus the setting names: the APIs of the run's suites, or of the tool root. */
    public static ApiCorpus corpus(RetrieverSetting setting, List<Suite> suites, ToolRoot toolRoot) {
        if (setting.corpus().equals("tools")) {
            if (toolRoot == null) {
                throw new BadInputException("config key retriever.corpus: tools needs a tool root (suite.tool_docs, "
                        + "or DATA/toolenv/tools); use corpus: suite for the APIs of the suites");
            }
            return ApiCorpus.fromToolRoot(toolRoot);
        }
        return ApiCorpus.fromSuites(suites);
    }

    public RetrieverSetting setting() {
        return setting;
    }

    /** The query, offered the top-k APIs for its text instead of its own api_list. */
    public Retrieved apply(Query query) {
        List<RetrievedApi> ranking = retriever().topK(query.text(), setting.k());
        List<Api> apis = ranking.stream().map(RetrievedApi::api).toList();
        return new Retrieved(new Query(query.id(), query.text(), apis, query.relevantApis()), ranking);
    }

    /** The ranking for the ledger: a stave field, so the answer file keeps ToolBench's format. */
    static ArrayNode describe(List<RetrievedApi> ranking, ArrayNode into) {
        for (RetrievedApi retrieved : ranking) {
            ObjectNode entry = into.addObject();
            entry.put("rank", retrieved.rank());
            entry.put("category_name", retrieved.api().categoryName());
            entry.put("tool_name", retrieved.api().toolName());
            entry.put("api_name", retrieved.api().name());
            entry.put("score", retrieved.score());
        }
        return into;
    }

    /** The manifest's {@code retriever} section: model, k and the corpus's size and hash. */
    void describe(ObjectNode into) {
        ApiRetriever retriever = retriever();
        into.put("model", setting.model());
        into.put("embedder_id", retriever.embedder().id());
        into.put("k", setting.k());
        into.put("corpus", setting.corpus());
        into.put("corpus_description", retriever.corpus().description());
        into.put("corpus_size", retriever.corpus().size());
        into.put("corpus_sha256", retriever.corpus().hash());
        into.put("embeddings_from_cache", retriever.fromCache());
    }
}
