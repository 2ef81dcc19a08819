package io.stave.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One API parameter as the query and tool files give it (spec/toolbench.md §2.1).
 *
 * @param name         raw parameter name, e.g. {@code "q"}
 * @param type         raw type, e.g. {@code STRING}, {@code NUMBER}, {@code DATE (YYYY-MM-DD)}
 * @param description  free text, possibly empty
 * @param defaultValue the {@code default} with its JSON type kept (string, number, boolean, list)
 */
public record Parameter(String name, String type, String description, JsonNode defaultValue) {}
