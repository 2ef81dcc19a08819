package io.stave.cli;

import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.data.Suites;
import io.stave.bench.data.ToolRoot;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.Executor;
import io.stave.tools.Observation;
import io.stave.tools.Observations;
import io.stave.tools.ToolsSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stave tools call}: one action of the model, made by hand. The observation text goes to
 * stdout exactly as the model would see it; the status code and where it came from go to stderr.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Make one tool call (or Finish) for a query: observation on stdout, status code on stderr.")
public final class ToolsCallCommand implements Callable<Integer> {

    @Option(names = "--tools", required = true, paramLabel = "SPEC",
            description = "toolbench:URL, stable:URL, rapidapi, cache:FILE[,miss=error|simulate], simulate[:MODEL_SPEC].")
    String tools;

    @Option(names = "--queries", required = true, paramLabel = "F",
            description = "A query file, or a suite name (G1_instruction …) looked up under --data.")
    String queries;

    @Option(names = "--id", required = true, paramLabel = "Q", description = "The query id.")
    String id;

    @Option(names = "--function", required = true, paramLabel = "NAME",
            description = "The function name as the model would call it (suffix matching applies; Finish is local).")
    String function;

    @Option(names = "--args", defaultValue = "{}", paramLabel = "JSON",
            description = "The raw argument string, sent as written (default: ${DEFAULT-VALUE}).")
    String arguments;

    @Option(names = "--data", defaultValue = "datasets", paramLabel = "DIR",
            description = "Data folder for suite names (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--tool-root", paramLabel = "DIR",
            description = "Tool documentation folder (<Category>/<tool>.json): standard tool names, minimal query files.")
    Path toolRoot;

    @Option(names = "--episode", paramLabel = "NAME",
            description = "Episode whose recorded observations a cache replays, e.g. G1_instruction/1073_CoT@1.")
    String episode;

    @Option(names = "--max-observation-length", defaultValue = "" + Observations.DEFAULT_MAX_LENGTH, paramLabel = "N",
            description = "Cut longer observations to N code points plus \"...\" (default: ${DEFAULT-VALUE}).")
    int maxObservationLength;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ToolRoot root = toolRoot == null ? null : ToolRoot.open(toolRoot);
        Query query = Suites.resolve(queries, data, root).get(id);
        ToolCatalog catalog = root == null ? ToolCatalog.NONE : root;
        FunctionSet functions = FunctionSchemas.build(query, catalog, SchemaOptions.of(Profile.TOOLBENCH));
        try (Executor executor = ToolsSpec.builder().build().open(tools)) {
            Observation observation = ActionDispatcher.of(query, functions, executor, maxObservationLength)
                    .act(function, arguments, episode);
            spec.commandLine().getOut().println(observation.text());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().printf("status=%d source=%s cache_hit=%s simulated=%s latency_ms=%d%n",
                    observation.status(), observation.source().label(), observation.cacheHit(),
                    observation.simulated(), observation.latencyMs());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
