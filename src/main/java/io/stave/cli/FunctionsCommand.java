package io.stave.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.bench.schema.FunctionSchemas;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stave functions}: the function list ToolBench offers the model for a query, Finish last. */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = "Print the ToolBench-exact function list (JSON) of a query, Finish last; "
                + "without --id, an object of all the suite's lists keyed by query id.")
public final class FunctionsCommand implements Runnable {

    @Mixin
    QueryOptions options;

    @Option(names = "--id", paramLabel = "Q", description = "Query id.")
    String id;

    @Option(names = "--compact", description = "One line (json.dumps defaults) instead of indent=2.")
    boolean compact;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ToolCatalog catalog = options.catalog();
        Object output;
        if (id != null) {
            output = FunctionSchemas.build(options.query(id), catalog, options.schemaOptions()).toJson();
        } else {
            Suite suite = options.suite();
            ObjectNode all = Json.NODES.objectNode();
            for (Query query : suite.queries()) {
                all.set(query.id(), FunctionSchemas.build(query, catalog, options.schemaOptions()).toJson());
            }
            output = all;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(compact ? PyJson.dumps(output) : PyJson.dumpsIndent(output, 2));
        out.flush();
    }
}
