package io.stave.bench;

/** A ground-truth {@code [tool_name, api_name]} pair of {@code relevant APIs} (retrieval only; runs ignore it). */
public record RelevantApi(String toolName, String apiName) {}
