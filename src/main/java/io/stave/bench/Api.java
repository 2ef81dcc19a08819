package io.stave.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One RapidAPI endpoint offered to the agent: an {@code api_list} entry of a query file, or the
 * matching element of a tool documentation file (spec/toolbench.md §2.1, §2.3).
 *
 * @param categoryName     e.g. {@code Data}
 * @param toolName         the raw tool title, e.g. {@code Keyword Analysis}
 * @param name             the raw API name, e.g. {@code PopularSitesForQuery}
 * @param description      {@code api_description}, may be empty or whitespace
 * @param method           HTTP verb, or {@code null} when the source has none
 * @param required         {@code required_parameters}, in order
 * @param optional         {@code optional_parameters}, in order
 * @param templateResponse a type sketch of the response, or {@code null}
 */
public record Api(
        String categoryName,
        String toolName,
        String name,
        String description,
        String method,
        List<Parameter> required,
        List<Parameter> optional,
        JsonNode templateResponse) {

    public Api {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }
}
