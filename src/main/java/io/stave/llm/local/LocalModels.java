package io.stave.llm.local;

import io.stave.llm.Backends;
import io.stave.llm.TextCompletion;

/**
 * The local decoder as {@link Backends}' text-completion factory: {@code gguf:}, {@code llama2c:}
 * and {@code hf:} SPECs with the options of {@link LocalOptions} become a {@link LocalTextCompletion}.
 * Registered in {@code META-INF/services}.
 */
public final class LocalModels implements Backends.LocalModelFactory {

    @Override
    public TextCompletion apply(String spec) {
        return LocalOptions.isLocal(spec) ? LocalTextCompletion.open(spec) : null;
    }
}
