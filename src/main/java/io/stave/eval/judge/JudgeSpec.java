package io.stave.eval.judge;

import io.stave.BadInputException;
import io.stave.store.CacheMode;
import io.stave.store.JsonlWriter;
import io.stave.store.KeyedCache;
import io.stave.store.SqliteDatabase;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a judge from its SPEC (design.md): {@code openai:MODEL[@BASE_URL]} (key from
 * {@code OPENAI_API_KEY}, base URL from the spec or {@code OPENAI_BASE_URL}), wrapped in the SQLite
 * judge cache; or {@code recorded:DIR}.
 */
public final class JudgeSpec {

    /** An open judge and the cache database and judgement log it holds. */
    public record Opened(Judge judge, SqliteDatabase database, JsonlWriter log) implements AutoCloseable {

        Opened(Judge judge, SqliteDatabase database) {
            this(judge, database, null);
        }

        /** The same judge with every decision appended to {@code file} (judgements.jsonl). */
        public Opened withJudgementLog(Path file) {
            JsonlWriter writer = JsonlWriter.open(file);
            return new Opened(new JudgementLog(judge, writer), database, writer);
        }

        @Override
        public void close() {
            if (log != null) {
                log.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    private JudgeSpec() {}

    /**
     * @param env the environment (keys are read from it, never from arguments)
     */
    public static Opened open(String spec, OpenAiJudge.ApiStyle apiStyle, Path cacheFile, CacheMode cacheMode,
            Map<String, String> env) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("--judge: expected openai:MODEL[@BASE_URL] or recorded:DIR");
        }
        if (spec.startsWith("recorded:")) {
            return new Opened(RecordedJudge.load(Path.of(spec.substring("recorded:".length()))), null);
        }
        if (spec.startsWith("openai:")) {
            String rest = spec.substring("openai:".length());
            int at = rest.indexOf('@');
            String model = at < 0 ? rest : rest.substring(0, at);
            if (model.isBlank()) {
                throw new BadInputException("--judge " + spec + ": expected a model id after openai:");
            }
            OpenAiJudge.Builder builder = OpenAiJudge.builder(model).apiStyle(apiStyle).apiKey(env.get("OPENAI_API_KEY"));
            String base = at >= 0 ? rest.substring(at + 1) : env.get("OPENAI_BASE_URL");
            if (base != null && !base.isBlank()) {
                builder.baseUrl(base);
            }
            ToolEvalTemplate template = ToolEvalTemplate.toolEvalV2();
            Judge judge = builder.template(template).build();
            if (cacheMode == CacheMode.OFF || cacheFile == null) {
                return new Opened(judge, null);
            }
            SqliteDatabase database = SqliteDatabase.open(cacheFile);
            KeyedCache cache = new KeyedCache(database, "judge_calls", cacheMode);
            return new Opened(new CachingJudge(judge, cache, ToolEvalTemplate.EVALUATOR + "@" + template.sha256()), database);
        }
        throw new BadInputException("--judge " + spec + ": expected openai:MODEL[@BASE_URL] or recorded:DIR");
    }
}
