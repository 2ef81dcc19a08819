package io.stave.eval.judge;

import io.stave.BadInputException;
import io.stave.llm.Backend;
import io.stave.llm.Backends;
import io.stave.store.CacheMode;
import io.stave.store.JsonlWriter;
import io.stave.store.KeyedCache;
import io.stave.store.SqliteDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a judge from its SPEC (design.md): {@code openai:MODEL[@BASE_URL]} (key from
 * {@code OPENAI_API_KEY}, base URL from the spec or {@code OPENAI_BASE_URL}) or
 * {@code local:MODEL_SPEC} (any {@code io.stave.llm} backend, prompted in text), each wrapped in the
 * SQLite judge cache; or {@code recorded:DIR}. StableToolBench's {@code EVAL_MODEL} environment
 * variable replaces the model of an {@code openai:} judge when the caller asks for it (§10).
 */
public final class JudgeSpec {

    /** An open judge and the cache database and judgement log it holds. */
    public record Opened(Judge judge, SqliteDatabase database, JsonlWriter log, AutoCloseable model) implements AutoCloseable {

        public Opened(Judge judge, SqliteDatabase database, JsonlWriter log) {
            this(judge, database, log, null);
        }

        Opened(Judge judge, SqliteDatabase database) {
            this(judge, database, null, null);
        }

        /** The same judge with every decision appended to {@code file} (judgements.jsonl). */
        public Opened withJudgementLog(Path file) {
            JsonlWriter writer = JsonlWriter.open(file);
            return new Opened(new JudgementLog(judge, writer), database, writer, model);
        }

        @Override
        public void close() {
            if (log != null) {
                log.close();
            }
            if (database != null) {
                database.close();
            }
            if (model != null) {
                try {
                    model.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the judge model " + judge.id(), e);
                }
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(JudgeSpec.class);

    private JudgeSpec() {}

    /** The v2 evaluator, no {@code EVAL_MODEL} override, backends from {@code env}. */
    public static Opened open(String spec, OpenAiJudge.ApiStyle apiStyle, Path cacheFile, CacheMode cacheMode,
            Map<String, String> env) {
        return open(spec, apiStyle, cacheFile, cacheMode, env, ToolEvalTemplate.toolEvalV2(), false,
                Backends.builder().environment(env::get).build());
    }

    /**
     * @param env            the environment (keys are read from it, never from arguments)
     * @param template       the evaluator (v2 default, or v1 normalized)
     * @param honourEvalModel replace the {@code openai:} model by {@code EVAL_MODEL} when that is set (StableToolBench)
     * @param backends       how a {@code local:} SPEC's model is opened (local decoder models plugged in there)
     */
    public static Opened open(String spec, OpenAiJudge.ApiStyle apiStyle, Path cacheFile, CacheMode cacheMode,
            Map<String, String> env, ToolEvalTemplate template, boolean honourEvalModel, Backends backends) {
        String expected = "expected openai:MODEL[@BASE_URL], local:MODEL_SPEC or recorded:DIR";
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("--judge: " + expected);
        }
        if (spec.startsWith("recorded:")) {
            return new Opened(RecordedJudge.load(Path.of(spec.substring("recorded:".length()))), null);
        }
        Judge judge;
        AutoCloseable model = null;
        if (spec.startsWith("openai:")) {
            String rest = spec.substring("openai:".length());
            int at = rest.indexOf('@');
            String modelId = at < 0 ? rest : rest.substring(0, at);
            String override = env.get("EVAL_MODEL");
            if (honourEvalModel && override != null && !override.isBlank()) {
                LOG.info("judge model {} replaced by EVAL_MODEL={}", modelId, override);
                modelId = override.strip();
            }
            if (modelId.isBlank()) {
                throw new BadInputException("--judge " + spec + ": expected a model id after openai:");
            }
            OpenAiJudge.Builder builder = OpenAiJudge.builder(modelId).apiStyle(apiStyle).apiKey(env.get("OPENAI_API_KEY"));
            String base = at >= 0 ? rest.substring(at + 1) : env.get("OPENAI_BASE_URL");
            if (base != null && !base.isBlank()) {
                builder.baseUrl(base);
            }
            judge = builder.template(template).build();
        } else if (spec.startsWith("local:")) {
            String modelSpec = spec.substring("local:".length());
            if (modelSpec.isBlank()) {
                throw new BadInputException("--judge " + spec + ": expected a model SPEC after local:, e.g. toolllama:MODEL@BASE_URL");
            }
            Backend backend = backends.open(modelSpec);
            judge = new LocalJudge(modelSpec, backend, template, 3);
            model = backend;
        } else {
            throw new BadInputException("--judge " + spec + ": " + expected);
        }
        if (cacheMode == CacheMode.OFF || cacheFile == null) {
            return new Opened(judge, null, null, model);
        }
        SqliteDatabase database = SqliteDatabase.open(cacheFile);
        KeyedCache cache = new KeyedCache(database, "judge_calls", cacheMode);
        return new Opened(new CachingJudge(judge, cache, template.evaluatorName() + "@" + template.sha256()), database, null, model);
    }
}
