package io.stave.llm;

/**
 * A text-completion model: a prompt in, a continuation out. ToolLLaMA runs behind this, served
 * ({@link OpenAiCompletions}) or in-process (the local decoder implements it).
 */
public interface TextCompletion extends AutoCloseable {

    /**
     * One completion.
     *
     * @param text             the generated text: decoded without special tokens, cut at the stop string, stripped
     * @param promptTokens     tokens of the prompt as the model saw it
     * @param completionTokens tokens generated
     * @param error            null, or why the call failed (then {@code text} is empty)
     */
    record Completion(String text, long promptTokens, long completionTokens, String error) {

        public static Completion failure(String error) {
            return new Completion("", 0, 0, error);
        }
    }

    Completion complete(String prompt);

    /** Model and decoding settings, for cache keys and the manifest. */
    String id();

    @Override
    default void close() {}
}
