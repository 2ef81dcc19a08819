package io.stave.llm.local;

import io.stave.llm.TextCompletion;
import io.stave.llm.TextCompletionProvider;

/**
 * The local decoder as the {@link TextCompletionProvider} of {@code gguf:}, {@code llama2c:} and
 * {@code hf:} SPECs (registered in {@code META-INF/services}). The run's ToolLLaMA temperature and
 * max new tokens are the defaults; the SPEC's own options ({@link LocalOptions}) override them.
 */
public final class LocalModels implements TextCompletionProvider {

    @Override
    public TextCompletion open(String spec, double temperature, int maxNewTokens) {
        return LocalOptions.isLocal(spec) ? LocalTextCompletion.open(spec, temperature, maxNewTokens) : null;
    }
}
