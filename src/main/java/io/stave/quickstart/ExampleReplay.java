package io.stave.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.agent.AnswerJson;
import io.stave.agent.Episode;
import io.stave.agent.Method;
import io.stave.agent.SearchResult;
import io.stave.agent.SearchSettings;
import io.stave.agent.ToolActions;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.eval.EvalFiles;
import io.stave.llm.ChatRequest;
import io.stave.llm.ReplayBackend;
import io.stave.store.AtomicFiles;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.Executor;
import io.stave.tools.ToolsSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded answers through stave's own search: the assistant turns come from
 * {@code replay:<answer folder>}, every tool observation from {@code cache:<file>,miss=error}, and the
 * answer file is written by the agent, not copied. A tool call the cache cannot answer fails the
 * replay, so the numbers that follow are those of stave's run.
 *
 * <p>The system and user messages are taken from the recorded DFS answer of the query (the example
 * ships no tool documentation, so stave cannot render the tool descriptions of the system prompt
 * itself); the converter blanks them, so they do not change any score.
 */
final class ExampleReplay {

    /** The example's observation limit: StableToolBench truncates tool responses at 1024 characters. */
    private static final int MAX_OBSERVATION_LENGTH = 1024;

    private final Map<String, Query> queries;
    private final Path dfsAnswers;
    private final Path toolCache;

    /**
     * @param queries    the example queries by id
     * @param dfsAnswers the recorded DFS answers of the group, source of each episode's first two messages
     * @param toolCache  the SQLite tool cache holding the recorded observations
     */
    ExampleReplay(Map<String, Query> queries, Path dfsAnswers, Path toolCache) {
        this.queries = queries;
        this.dfsAnswers = dfsAnswers;
        this.toolCache = toolCache;
    }

    /**
     * Replays {@code <group>/<qid>_<method>} of the recorded folder into {@code answersOut/<group>/}.
     *
     * @return the answer file written
     */
    Path replay(Path recorded, String group, String qid, Method method, Path answersOut) {
        Query query = queries.get(qid);
        if (query == null) {
            throw new BadInputException(recorded + ": expected query " + qid + " in the example's query file");
        }
        String episodeName = group + "/" + qid + "_" + method.name();
        FunctionSet functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        ChatRequest first = new ChatRequest(initialMessages(qid), functions, Profile.STABLETOOLBENCH, episodeName, 0, false);
        try (ReplayBackend backend = new ReplayBackend(recorded);
                Executor tools = ToolsSpec.builder().build().open("cache:" + toolCache + ",miss=error")) {
            ActionDispatcher dispatcher = ActionDispatcher.of(query, functions, tools, MAX_OBSERVATION_LENGTH);
            Episode episode = new Episode(backend, first, new ToolActions(dispatcher, episodeName), SearchSettings.DEFAULTS, 1);
            SearchResult result = method.run(episode);
            Integer misses = episode.counters().toolSources().get("miss");
            if (misses != null && misses > 0) {
                throw new IllegalStateException(episodeName + ": " + misses + " tool calls missed the cache " + toolCache);
            }
            Path file = answersOut.resolve(group).resolve(qid + "_" + method.name() + ".json");
            AtomicFiles.writeString(file, AnswerJson.render(AnswerJson.of(result, episode, query.text())));
            return file;
        }
    }

    /** The system and user messages as the example run sent them. */
    private List<Message> initialMessages(String qid) {
        Path file = dfsAnswers.resolve(qid + "_DFS_woFilter_w2.json");
        JsonNode messages = EvalFiles.readJson(file).path("answer_generation").path("train_messages").path(0);
        if (messages.size() < 2) {
            throw BadInputException.at(file, "$.answer_generation.train_messages[0]", "the system and user messages");
        }
        return List.of(Message.fromJson(messages.get(0)), Message.fromJson(messages.get(1)));
    }
}
