package io.stave.llm;

/**
 * Plugs a local text-completion model (the in-process decoder) into model SPECs such as
 * {@code gguf:PATH}: registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.stave.llm.TextCompletionProvider}), asked in turn for every SPEC the
 * built-in backends do not know.
 */
public interface TextCompletionProvider {

    /**
     * The model of {@code spec}, or {@code null} when this provider does not know the SPEC.
     *
     * @param temperature  sampling temperature; greedy below 1e-5 (spec/toolbench.md §4.5.4, §13)
     * @param maxNewTokens the generation limit
     */
    TextCompletion open(String spec, double temperature, int maxNewTokens);
}
