package io.stave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.agent.Episode;
import io.stave.agent.Method;
import io.stave.agent.SearchSettings;
import io.stave.agent.ToolActions;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.prompt.ToolLlamaPrompt;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.Model;
import io.stave.llm.Backend;
import io.stave.llm.ChatRequest;
import io.stave.llm.ReplayBackend;
import io.stave.llm.Reply;
import io.stave.llm.local.ReuseReplay;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.AnswerFiles;
import io.stave.tools.Executor;
import io.stave.tools.ToolCache;
import io.stave.tools.ToolsSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stave bench reuse}: replays a recorded DFSDT answer (its assistant turns and tool results),
 * renders every prompt the tree implies in the ToolLLaMA format, and counts the tokens the local
 * backend would prefill with KV reuse against recomputing each prompt and against the distinct
 * tokens of the tree.
 */
@Command(
        name = "reuse",
        mixinStandardHelpOptions = true,
        description = "Tokens prefilled with KV reuse over a replayed DFSDT answer, against recomputing every prompt"
                + " (target ≤ 1.2 × the tree's distinct tokens).")
public final class BenchReuseCommand implements Callable<Integer> {

    @Option(names = "--answer", required = true, description = "A DFS answer file, e.g. data_example/answer/virtual_chatgpt_dfs/G1_instruction/588_DFS_woFilter_w2.json.")
    Path answer;

    @Option(names = "--queries", required = true, description = "The query file holding its query (solvable_queries_example/test_instruction/G1_instruction.json).")
    Path queries;

    @Option(names = "--model", required = true, description = "Model SPEC whose tokenizer counts the tokens.")
    String model;

    @Option(names = "--style", defaultValue = "toolllama", description = "Prompt style: toolllama (ToolBench) or toolllama-fixed (default ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--sessions", defaultValue = "4", description = "Sessions the prefix cache keeps (default ${DEFAULT-VALUE}, as the local backend).")
    int sessions;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HistoryStyle history = switch (style) {
            case "toolllama" -> HistoryStyle.TB_THOUGHT_ONLY;
            case "toolllama-fixed" -> HistoryStyle.STB_GENERATION;
            default -> throw new BadInputException("--style: expected toolllama or toolllama-fixed, got \"" + style + "\"");
        };
        List<String> prompts = prompts(history);
        ReuseReplay.Result r;
        try (Model loaded = ModelSpec.parse(model).load()) {
            r = ReuseReplay.run(loaded.tokenizer(), prompts, sessions);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.pretty(Map.of(
                    "result", r, "prefilled_per_distinct", r.prefilledPerDistinct(),
                    "recomputed_per_distinct", r.recomputedPerDistinct())));
        } else {
            out.printf(Locale.ROOT, "answer                 %s%n", answer);
            out.printf(Locale.ROOT, "prompts (LLM calls)    %d, style %s%n", r.calls(), style);
            out.printf(Locale.ROOT, "distinct tree tokens   %d%n", r.distinct());
            out.printf(Locale.ROOT, "recompute every prompt %d tokens (%.2f × distinct)%n", r.recomputed(), r.recomputedPerDistinct());
            out.printf(Locale.ROOT, "prefill with KV reuse  %d tokens (%.2f × distinct; target ≤ 1.2), %d sessions%n",
                    r.prefilled(), r.prefilledPerDistinct(), r.sessions());
        }
        out.flush();
        return 0;
    }

    /** Every prompt of the search, in call order: the DFSDT replayed with its own turns and tool results. */
    private List<String> prompts(HistoryStyle history) throws Exception {
        if (!Files.isRegularFile(answer) || answer.getParent() == null || answer.getParent().getParent() == null) {
            throw new BadInputException("--answer " + answer + ": expected an answer file RUN/GROUP/QID_METHOD.json");
        }
        Path run = answer.getParent().getParent();
        String episode = AnswerFiles.episode(run, answer);
        String name = answer.getFileName().toString();
        String qid = name.substring(0, Math.max(0, name.indexOf('_')));
        Method method = Method.parse(name.substring(name.indexOf('_') + 1, name.length() - ".json".length()));
        Query query = QueryFiles.read(queries).stream().filter(q -> q.id().equals(qid)).findFirst()
                .orElseThrow(() -> new BadInputException("--queries " + queries + ": expected query_id " + qid));
        JsonNode recorded = Json.MAPPER.readTree(Files.readString(answer));
        JsonNode first = recorded.path("answer_generation").path("train_messages").path(0);
        if (first.size() < 2) {
            throw new BadInputException(answer + ": answer_generation.train_messages[0]: expected the system and user"
                    + " messages");
        }
        var functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        ChatRequest request = new ChatRequest(List.of(Message.fromJson(first.get(0)), Message.fromJson(first.get(1))),
                functions, Profile.STABLETOOLBENCH, episode, 0, false);
        Path cacheFile = Files.createTempFile("stave-bench-reuse", ".sqlite");
        List<String> prompts = new ArrayList<>();
        try {
            try (ToolCache cache = ToolCache.open(cacheFile)) {
                AnswerFiles.importFolder(run, cache);
            }
            try (ReplayBackend replay = new ReplayBackend(run);
                    Executor tools = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=error")) {
                Backend recording = new Backend() {
                    @Override
                    public Reply complete(ChatRequest call) {
                        prompts.add(ToolLlamaPrompt.render(call.messages(), call.functions().plain(), history));
                        return replay.complete(call);
                    }

                    @Override
                    public String id() {
                        return replay.id();
                    }

                    @Override
                    public void beginEpisode(String name) {
                        replay.beginEpisode(name);
                    }
                };
                ActionDispatcher dispatcher = ActionDispatcher.of(query, functions, tools, 1024);
                method.run(new Episode(recording, request, new ToolActions(dispatcher, episode), SearchSettings.DEFAULTS, 1));
            }
        } finally {
            Files.deleteIfExists(cacheFile);
        }
        return prompts;
    }
}
