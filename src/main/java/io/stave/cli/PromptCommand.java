package io.stave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.data.AnswerMessages;
import io.stave.bench.prompt.ChatPrompts;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.prompt.OpenAiPrompt;
import io.stave.bench.prompt.ToolLlamaPrompt;
import io.stave.bench.py.PyJson;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stave prompt}: the prompt a model receives for a query, as ToolLLaMA text or an OpenAI request. */
@Command(name = "prompt", mixinStandardHelpOptions = true,
        description = "Print the prompt of a query's first turn (or after replayed steps of an answer file).")
public final class PromptCommand implements Runnable {

    @Mixin
    QueryOptions options;

    @Option(names = "--id", required = true, paramLabel = "Q", description = "Query id.")
    String id;

    @Option(names = "--style", paramLabel = "S", defaultValue = "toolllama",
            description = "toolllama (ToolBench history: thought only), toolllama-fixed (StableToolBench fix: "
                    + "whole generation) or openai (request JSON: messages plus functions or tools); "
                    + "default: ${DEFAULT-VALUE}.")
    String style;

    @Option(names = "--replay", paramLabel = "ANSWER",
            description = "Raw answer file (*_CoT@1.json, *_DFS_*.json) whose chosen path is replayed; "
                    + "a chat-model history renders in ToolLLaMA's training layout.")
    Path replay;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "With --replay: the number of assistant turns replayed, with their results (default: ${DEFAULT-VALUE}).")
    int steps;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Query query = options.query(id);
        ToolCatalog catalog = options.catalog();
        FunctionSet functions = FunctionSchemas.build(query, catalog, options.schemaOptions());
        List<Message> messages = replay == null
                ? ChatPrompts.initial(query, catalog)
                : AnswerMessages.afterSteps(replay, steps);
        PrintWriter out = spec.commandLine().getOut();
        switch (style) {
            case "toolllama", "toolllama-fixed" -> {
                HistoryStyle history = replay != null ? HistoryStyle.TRAINING_FORMAT
                        : style.equals("toolllama") ? HistoryStyle.TB_THOUGHT_ONLY : HistoryStyle.STB_GENERATION;
                out.print(ToolLlamaPrompt.render(messages, functions.plain(), history));
            }
            case "openai" -> {
                JsonNode request = OpenAiPrompt.request(messages, functions, options.profile());
                out.println(PyJson.dumpsIndent(request, 2));
            }
            default -> throw new BadInputException("--style " + style + ": expected toolllama, toolllama-fixed or openai");
        }
        out.flush();
    }
}
