package io.stave.tools;

import java.util.List;

/**
 * "Complete this chat": all the LLM simulator needs from a model. The llm package plugs its
 * backends in through this interface; {@link OpenAiChatCompleter} is the built-in client.
 */
@FunctionalInterface
public interface ChatCompleter {

    /** One chat message. */
    record Message(String role, String content) {}

    /** The assistant's reply text to {@code messages}. */
    String complete(List<Message> messages);
}
