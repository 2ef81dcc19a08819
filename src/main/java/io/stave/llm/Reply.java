package io.stave.llm;

import io.stave.bench.chat.Message;

/**
 * What a model call gives back.
 *
 * @param message          the assistant message (thought text, optional function call(s))
 * @param errorCode        0, or -1 when the call failed after all retries (the message then holds the error text)
 * @param promptTokens     prompt tokens as the backend counted them
 * @param completionTokens completion tokens
 */
public record Reply(Message message, int errorCode, long promptTokens, long completionTokens) {

    /** A failed call: an assistant message whose content is the error text, code -1 (spec/toolbench.md §4.4). */
    public static Reply failure(String errorText) {
        return new Reply(Message.assistant(errorText, null), -1, 0, 0);
    }

    /** {@code usage.total_tokens}: what answer files sum up. */
    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
