package io.stave.tools;

import io.stave.BadInputException;
import io.stave.store.CacheMode;
import io.stave.store.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the executor a tools SPEC names (design.md):
 *
 * <pre>
 * toolbench:URL[,timeout=S][,rate=N][,retries=N][,strip=truncate|filter|random]   key from TOOLBENCH_KEY
 * stable:URL[,timeout=S][,rate=N][,retries=N]                                      StableToolBench /virtual
 * rapidapi[,docs=DIR][,timeout=S][,rate=N][,retries=N]                              key from RAPIDAPI_KEY
 * simulate                                                    from template_response, deterministic
 * simulate:MODEL_SPEC[,docs=DIR]                              StableToolBench's LLM simulator
 * cache:FILE[,miss=error|simulate|simulate:MODEL_SPEC|toolbench:URL|stable:URL|rapidapi][,mode=rw|ro|refresh][,docs=DIR]
 * </pre>
 *
 * A MODEL_SPEC is {@code openai:MODEL[@BASE_URL]} (key from {@code OPENAI_API_KEY}) or any spec the
 * plugged-in {@link #chatModels} factory knows. Keys are read when the executor is built, so a missing
 * key fails before the first call.
 */
public final class ToolsSpec {

    /** Where {@code rapidapi} looks for tool documentation when no {@code docs=} is given. */
    public static final Path DEFAULT_TOOL_DOCS = Path.of("datasets", "toolenv", "tools");

    private static final List<String> OPTIONS = List.of("miss", "mode", "docs", "timeout", "rate", "retries", "strip");

    private final Function<String, String> environment;
    private final HttpSettings settings;
    private final Function<String, ChatCompleter> chatModels;

    private ToolsSpec(Builder builder) {
        this.environment = builder.environment;
        this.settings = builder.settings;
        this.chatModels = builder.chatModels;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses {@code spec} and builds its executor; the caller closes it. */
    public Executor open(String spec) {
        int colon = spec.indexOf(':');
        int comma = spec.indexOf(',');
        boolean hasTarget = colon >= 0 && (comma < 0 || colon < comma);
        String kind = hasTarget ? spec.substring(0, colon) : comma < 0 ? spec : spec.substring(0, comma);
        String afterKind = hasTarget ? spec.substring(colon + 1) : comma < 0 ? "" : spec.substring(comma);
        Map<String, String> options = new LinkedHashMap<>();
        String target = parseOptions(spec, afterKind, options);
        return switch (kind) {
            case "toolbench" -> new ToolServerExecutor(require(spec, target, "URL"),
                    Secrets.require("TOOLBENCH_KEY", environment, "the ToolBench server (" + spec + ")"),
                    options.getOrDefault("strip", "truncate"), http(options, settings.toBuilder()));
            case "stable" -> new ToolServerExecutor(require(spec, target, "URL"), "", "truncate",
                    http(options, settings.toBuilder().timeout(Duration.ZERO).callsPerMinute(0)));
            case "rapidapi" -> new RapidApiExecutor(docs(options, DEFAULT_TOOL_DOCS),
                    Secrets.require("RAPIDAPI_KEY", environment, "RapidAPI (" + spec + ")"),
                    http(options, settings.toBuilder().callsPerMinute(0)));
            case "simulate" -> target.isEmpty() ? new SchemaSimulator()
                    : new LlmSimulator(chatModel(target), docsOrNull(options), null);
            case "cache" -> cache(spec, require(spec, target, "FILE"), options);
            default -> throw new BadInputException("--tools " + spec + ": expected toolbench:URL, stable:URL, rapidapi,"
                    + " cache:FILE[,miss=error|simulate] or simulate[:MODEL_SPEC]");
        };
    }

    private Executor cache(String spec, String file, Map<String, String> options) {
        String miss = options.getOrDefault("miss", "error");
        CacheMode mode = CacheMode.parse(options.getOrDefault("mode", "rw"));
        ToolCache cache = ToolCache.open(Path.of(file), mode);
        try {
            Executor upstream = switch (miss) {
                case "error" -> null;
                case "simulate" -> new SchemaSimulator();
                default -> miss.startsWith("simulate:")
                        ? new LlmSimulator(chatModel(miss.substring("simulate:".length())), docsOrNull(options), cache)
                        : open(miss + passedOn(options));
            };
            return new CachingExecutor(cache, upstream);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** The transport options of a cache SPEC, handed on to its miss backend. */
    private static String passedOn(Map<String, String> options) {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"timeout", "rate", "retries", "strip", "docs"}) {
            if (options.containsKey(name)) {
                out.append(',').append(name).append('=').append(options.get(name));
            }
        }
        return out.toString();
    }

    private ChatCompleter chatModel(String modelSpec) {
        if (modelSpec.startsWith("openai:")) {
            String model = modelSpec.substring("openai:".length());
            String base = OpenAiChatCompleter.DEFAULT_BASE_URL;
            if (model.contains("@")) {
                base = model.substring(model.indexOf('@') + 1);
                model = model.substring(0, model.indexOf('@'));
            }
            String key = base.equals(OpenAiChatCompleter.DEFAULT_BASE_URL)
                    ? Secrets.require("OPENAI_API_KEY", environment, "the simulator model " + modelSpec)
                    : optionalKey("OPENAI_API_KEY");
            return new OpenAiChatCompleter(model, base, key,
                    settings.toBuilder().timeout(Duration.ofSeconds(120)).callsPerMinute(0).build(),
                    new ExecutorCounters());
        }
        ChatCompleter plugged = chatModels.apply(modelSpec);
        if (plugged == null) {
            throw new BadInputException("--tools simulate:" + modelSpec + ": expected a model SPEC such as"
                    + " openai:MODEL[@BASE_URL]");
        }
        return plugged;
    }

    private String optionalKey(String variable) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? null : Secrets.require(variable, environment, "the simulator");
    }

    private static HttpSettings http(Map<String, String> options, HttpSettings.Builder builder) {
        if (options.containsKey("timeout")) {
            builder.timeout(Duration.ofMillis((long) (number(options, "timeout") * 1000)));
        }
        if (options.containsKey("rate")) {
            builder.callsPerMinute(number(options, "rate"));
        }
        if (options.containsKey("retries")) {
            RetryPolicy base = builder.build().retry();
            builder.retry(new RetryPolicy(1 + (int) number(options, "retries"), base.baseDelay(), base.maxDelay(),
                    base.jitter()));
        }
        return builder.build();
    }

    private static ToolDocs docs(Map<String, String> options, Path fallback) {
        return new ToolDocs(Path.of(options.getOrDefault("docs", fallback.toString())));
    }

    private static ToolDocs docsOrNull(Map<String, String> options) {
        return options.containsKey("docs") ? new ToolDocs(Path.of(options.get("docs"))) : null;
    }

    private static double number(Map<String, String> options, String name) {
        try {
            double value = Double.parseDouble(options.get(name));
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException("--tools: option " + name + ": expected a non-negative number, got '"
                    + options.get(name) + "'");
        }
    }

    /** Splits "TARGET,k=v,k=v" (or ",k=v"): returns TARGET and fills {@code options}. */
    private static String parseOptions(String spec, String text, Map<String, String> options) {
        String[] parts = text.split(",", -1);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--tools " + spec + ": option '" + parts[i] + "': expected NAME=VALUE");
            }
            String name = parts[i].substring(0, eq).trim();
            if (!OPTIONS.contains(name)) {
                throw new BadInputException("--tools " + spec + ": unknown option '" + name + "': expected one of "
                        + String.join(", ", OPTIONS));
            }
            options.put(name, parts[i].substring(eq + 1).trim());
        }
        return parts[0];
    }

    private static String require(String spec, String value, String what) {
        if (value.isBlank()) {
            throw new BadInputException("--tools " + spec + ": expected " + what + " after the colon");
        }
        return value;
    }

    public static final class Builder {
        private Function<String, String> environment = System::getenv;
        private HttpSettings settings = HttpSettings.builder().build();
        private Function<String, ChatCompleter> chatModels = spec -> null;

        /** Where keys come from; the process environment unless a test says otherwise. */
        public Builder environment(Function<String, String> value) {
            environment = value;
            return this;
        }

        /** Base transport settings (back-off, breaker, sleeper); each backend adjusts timeout and pacing. */
        public Builder settings(HttpSettings value) {
            settings = value;
            return this;
        }

        /** Chat models for {@code simulate:MODEL_SPEC} beyond openai: (the llm package plugs in here). */
        public Builder chatModels(Function<String, ChatCompleter> value) {
            chatModels = value;
            return this;
        }

        public ToolsSpec build() {
            return new ToolsSpec(this);
        }
    }
}
