package io.stave.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.prompt.ChatPrompts;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.llm.Backend;
import io.stave.llm.ChatRequest;
import io.stave.AtomicFiles;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.Executor;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Runs one work unit end to end: functions and first messages of the query, the search, the answer
 * file (written atomically), and the ledger record of the attempt (harness.md §3).
 */
final class EpisodeRunner {

    private final Path runDir;
    private final Backend backend;
    private final Executor tools;
    private final ToolCatalog catalog;
    private final Profile profile;
    private final SchemaOptions schemaOptions;
    private final SearchSettings settings;
    private final int maxObservationLength;
    private final long runSeed;
    private final QueryRetrieval retrieval;

    /** @param retrieval replaces each query's api_list by retrieved APIs; null keeps the query's own */
    EpisodeRunner(Path runDir, Backend backend, Executor tools, ToolCatalog catalog, RunConfig config,
            QueryRetrieval retrieval) {
        this.retrieval = retrieval;
        this.runDir = runDir;
        this.backend = backend;
        this.tools = tools;
        this.catalog = catalog;
        this.profile = config.profile();
        this.schemaOptions = SchemaOptions.of(profile).withEmptyStringQuirk(config.node("schema.stb_empty_string_quirk").asBoolean());
        this.settings = config.searchSettings();
        this.maxObservationLength = config.integer("agent.max_observation_length");
        this.runSeed = config.node("seed").asLong();
    }

    /** Runs the unit and returns its ledger record; never throws for a failing model, tool or query. */
    ObjectNode run(WorkUnit unit, Query asked, int attempt) {
        Instant started = Instant.now();
        ObjectNode record = Json.NODES.objectNode();
        record.put("unit", unit.id());
        record.put("attempt", attempt);
        record.put("status", Ledger.OK);
        record.put("group", unit.group());
        record.put("qid", unit.qid());
        record.put("method", unit.method());
        record.put("model", unit.model());
        record.put("trial", unit.trial());
        long seed = unit.seed(runSeed, "dfs-giveup");
        record.put("seed", seed);
        try {
            Query query = asked;
            if (retrieval != null) {
                QueryRetrieval.Retrieved retrieved = retrieval.apply(asked);
                query = retrieved.query();
                QueryRetrieval.describe(retrieved.ranking(), record.putArray("retrieved"));
            }
            FunctionSet functions = FunctionSchemas.build(query, catalog, schemaOptions);
            ChatRequest first = new ChatRequest(ChatPrompts.initial(query, catalog), functions, profile, unit.episode(),
                    unit.trial(), false);
            ActionDispatcher dispatcher = ActionDispatcher.of(query, functions, tools, maxObservationLength);
            Episode episode = new Episode(backend, first, new ToolActions(dispatcher, unit.episode()), settings, seed);
            SearchResult result = Method.parse(unit.method()).run(episode);
            ObjectNode answer = AnswerJson.of(result, episode, asked.text());
            AtomicFiles.writeString(runDir.resolve(unit.answerPath()), AnswerJson.render(answer));
            describe(record, unit, answer, result, episode.counters());
            if (episode.counters().llmFailures() > 0) {
                // The endpoint failed after its retries: the answer is kept for inspection, the unit re-queued.
                record.put("status", Ledger.INFRA_ERROR);
                record.put("error", "model call failed after retries (" + episode.counters().llmFailures() + " calls): "
                        + episode.counters().lastFailure());
            }
        } catch (BadInputException e) {
            record.put("status", Ledger.BAD_INPUT);
            record.put("error", e.getMessage());
        } catch (RuntimeException e) {
            record.put("status", Ledger.INFRA_ERROR);
            record.put("error", e.toString());
        }
        record.put("wall_ms", java.time.Duration.between(started, Instant.now()).toMillis());
        record.put("started", started.toString());
        record.put("finished", Instant.now().toString());
        return record;
    }

    private static void describe(ObjectNode record, WorkUnit unit, ObjectNode answer, SearchResult result,
            Counters counters) {
        ObjectNode generation = (ObjectNode) answer.get("answer_generation");
        record.put("answer", unit.answerPath());
        boolean valid = generation.path("valid_data").asBoolean();
        record.put("valid_data", valid);
        String finishType = generation.has("finish_type") ? generation.get("finish_type").asText()
                : valid ? "give_answer" : null;
        record.put("finish_type", finishType);
        // ToolBench's runner counts an answer as valid_data and "give_answer" in final_answer (§6.5).
        record.put("answered", valid && generation.path("final_answer").asText().contains("give_answer"));
        record.put("stop", result.stop().key());
        record.put("llm_calls", counters.llmCalls());
        record.put("llm_failures", counters.llmFailures());
        record.put("total_tokens", counters.totalTokens());
        record.put("prompt_tokens", counters.promptTokens());
        record.put("completion_tokens", counters.completionTokens());
        ObjectNode sources = record.putObject("tool_calls");
        counters.toolSources().forEach(sources::put);
        ObjectNode status = record.putObject("tool_status");
        counters.toolStatus().forEach((code, n) -> status.put(Integer.toString(code), n));
        record.put("tool_errors", counters.toolErrors());
        record.put("expansions", counters.expansions());
        record.put("backtracks", counters.backtracks());
        record.put("diversity_prompts", counters.diversityPrompts());
        record.putNull("error");
    }
}
