package io.stave.cli;

import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.RetrievedApi;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stave retrieve query}: the top-k APIs for one request, with their scores. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print the k APIs most similar to a request, best first, with their cosine similarity.")
final class RetrieveQueryCommand implements Callable<Integer> {

    @Mixin
    RetrieverOptions options;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The user request.")
    String text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ApiRetriever retriever = options.retriever(options.corpus(options.suites()), spec.commandLine().getErr());
        List<RetrievedApi> top = retriever.topK(text, options.k);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%4s %7s  %-28s %-32s %s%n", "RANK", "SCORE", "CATEGORY", "TOOL", "API");
        for (RetrievedApi api : top) {
            out.printf(Locale.ROOT, "%4d %7.4f  %-28s %-32s %s%n", api.rank(), api.score(), api.api().categoryName(),
                    api.api().toolName(), api.api().name());
        }
        out.flush();
        return 0;
    }
}
