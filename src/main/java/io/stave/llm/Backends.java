package io.stave.llm;

import io.stave.BadInputException;
import io.stave.bench.prompt.HistoryStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Builds the backend a model SPEC names (design.md):
 *
 * <pre>
 * openai:MODEL[@BASE_URL]         chat model with function calling; key from OPENAI_API_KEY
 * toolllama:MODEL@BASE_URL        ToolLLaMA served behind an OpenAI-compatible /v1/completions
 * replay:DIR                      the assistant turns recorded in the answer files under DIR
 * gguf:PATH | llama2c:PATH | hf:DIR   ToolLLaMA in the local decoder, when a text-completion factory is plugged in
 * </pre>
 */
public final class Backends {

    private final Function<String, String> environment;
    private final Function<String, TextCompletion> localModels;
    private final Double temperature;
    private final int maxTokens;
    private final double toolLlamaTemperature;
    private final int maxNewTokens;
    private final HistoryStyle history;
    private final int attempts;
    private final Duration pause;
    private final Duration timeout;

    private Backends(Builder builder) {
        this.environment = builder.environment;
        this.localModels = builder.localModels;
        this.temperature = builder.temperature;
        this.maxTokens = builder.maxTokens;
        this.toolLlamaTemperature = builder.toolLlamaTemperature;
        this.maxNewTokens = builder.maxNewTokens;
        this.history = builder.history;
        this.attempts = builder.attempts;
        this.pause = builder.pause;
        this.timeout = builder.timeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The backend of {@code spec}; the caller closes it. */
    public Backend open(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String target = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (kind) {
            case "openai" -> {
                String[] modelAndBase = split(spec, target);
                String base = modelAndBase[1] == null ? OpenAiChatBackend.DEFAULT_BASE_URL : modelAndBase[1];
                yield new OpenAiChatBackend(modelAndBase[0], base, key(base, spec), temperature, maxTokens, attempts,
                        pause, timeout);
            }
            case "toolllama" -> {
                String[] modelAndBase = split(spec, target);
                if (modelAndBase[1] == null) {
                    throw new BadInputException("--model " + spec + ": expected toolllama:MODEL@BASE_URL (the server's"
                            + " OpenAI-compatible /v1 address)");
                }
                yield new ToolLlamaBackend(new OpenAiCompletions(modelAndBase[0], modelAndBase[1],
                        key(modelAndBase[1], spec), toolLlamaTemperature, maxNewTokens, attempts, pause, timeout),
                        history);
            }
            case "replay" -> {
                if (target.isBlank()) {
                    throw new BadInputException("--model " + spec + ": expected replay:DIR");
                }
                yield new ReplayBackend(Path.of(target));
            }
            default -> {
                TextCompletion local = localModels.apply(spec);
                if (local == null) {
                    throw new BadInputException("--model " + spec + ": unknown model SPEC; expected openai:MODEL[@BASE_URL],"
                            + " toolllama:MODEL@BASE_URL or replay:DIR"
                            + (kind.equals("gguf") || kind.equals("llama2c") || kind.equals("hf")
                                    ? " (local decoder models need the decoder backend, which is not plugged in)" : ""));
                }
                yield new ToolLlamaBackend(local, history);
            }
        };
    }

    private String key(String base, String spec) {
        String key = environment.apply("OPENAI_API_KEY");
        if ((key == null || key.isBlank()) && base.equals(OpenAiChatBackend.DEFAULT_BASE_URL)) {
            throw new BadInputException("--model " + spec + ": set OPENAI_API_KEY in the environment"
                    + " (or give a BASE_URL of a server that needs no key)");
        }
        return key;
    }

    private static String[] split(String spec, String target) {
        if (target.isBlank()) {
            throw new BadInputException("--model " + spec + ": expected a model name after the colon");
        }
        int at = target.indexOf('@');
        return at < 0 ? new String[] {target, null} : new String[] {target.substring(0, at), target.substring(at + 1)};
    }

    public static final class Builder {
        private Function<String, String> environment = System::getenv;
        private Function<String, TextCompletion> localModels;
        private Double temperature;
        private int maxTokens = 1024;
        private double toolLlamaTemperature;
        private int maxNewTokens = 1024;
        private HistoryStyle history = HistoryStyle.STB_GENERATION;
        private int attempts = 6;
        private Duration pause = Duration.ofSeconds(15);
        private Duration timeout = Duration.ofSeconds(120);

        /** Where keys come from (the process environment unless a test says otherwise). */
        public Builder environment(Function<String, String> value) {
            environment = value;
            return this;
        }

        /**
         * The local decoder's text-completion models by SPEC ({@code null} for a SPEC it does not know);
         * by default the {@link TextCompletionProvider}s found by the service loader.
         */
        public Builder localModels(Function<String, TextCompletion> value) {
            localModels = value;
            return this;
        }

        /** Chat temperature; {@code null} sends none (ToolBench). */
        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        /** Chat {@code max_tokens} (1024). */
        public Builder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        /** ToolLLaMA sampling temperature (ToolBench 0.5, StableToolBench 0). */
        public Builder toolLlamaTemperature(double value) {
            toolLlamaTemperature = value;
            return this;
        }

        /** ToolLLaMA max new tokens (ToolBench 512, StableToolBench 1024). */
        public Builder maxNewTokens(int value) {
            maxNewTokens = value;
            return this;
        }

        public Builder history(HistoryStyle value) {
            history = value;
            return this;
        }

        /** Tries per call and the pause between them (ToolBench: 6 tries, 15 s). */
        public Builder retries(int tries, Duration between) {
            attempts = tries;
            pause = between;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Backends build() {
            if (localModels == null) {
                localModels = spec -> {
                    for (TextCompletionProvider provider : ServiceLoader.load(TextCompletionProvider.class)) {
                        TextCompletion model = provider.open(spec, toolLlamaTemperature, maxNewTokens);
                        if (model != null) {
                            return model;
                        }
                    }
                    return null;
                };
            }
            return new Backends(this);
        }
    }
}
