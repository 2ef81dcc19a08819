package io.stave.agent.retrieval;

import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.RelevantApi;
import io.stave.bench.Suite;
import java.nio.file.Path;
import java.util.List;

/**
 * Six APIs whose {@link KeywordEmbedder} vectors are chosen by their descriptions (no keyword occurs
 * elsewhere in their documents):
 *
 * <pre>
 * T1 a  "weather"              [1,0,0,0]
 * T2 b  "weather stock"        [1,1,0,0]
 * T3 c  "weather stock stock"  [1,2,0,0]
 * T4 d  "stock"                [0,1,0,0]
 * T5 e  "movie"                [0,0,1,0]
 * T6 f  "music movie"          [0,0,1,1]
 * </pre>
 */
final class HandMadeCorpus {

    static final List<Api> APIS = List.of(
            api("T3", "c", "weather stock stock"),
            api("T1", "a", "weather"),
            api("T5", "e", "movie"),
            api("T2", "b", "weather stock"),
            api("T6", "f", "music movie"),
            api("T4", "d", "stock"));

    private HandMadeCorpus() {}

    static Api api(String tool, String name, String description) {
        return new Api("Cat", tool, name, description, "GET", List.of(), List.of(), null);
    }

    static RelevantApi key(String tool, String name) {
        return new RelevantApi(tool, name);
    }

    static Query query(String id, String text, List<RelevantApi> relevant) {
        return new Query(id, text, APIS, relevant);
    }

    static Suite suite(String name, Query... queries) {
        return new Suite(null, List.of(queries), Path.of(name + ".json"));
    }
}
