package io.stave.bench;

import java.util.List;

/**
 * A user request with the APIs offered for it (spec/toolbench.md §2.1).
 *
 * @param id           the {@code query_id} in decimal, as output files and result keys spell it
 * @param text         the {@code query}
 * @param apis         the {@code api_list}, in order: this order is the order of the functions
 * @param relevantApis the ground truth, empty when the file has none
 */
public record Query(String id, String text, List<Api> apis, List<RelevantApi> relevantApis) {

    public Query {
        apis = List.copyOf(apis);
        relevantApis = List.copyOf(relevantApis);
    }
}
