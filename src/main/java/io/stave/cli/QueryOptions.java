package io.stave.cli;

import io.stave.BadInputException;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.ToolCatalog;
import io.stave.bench.data.DescriptionMap;
import io.stave.bench.data.Suites;
import io.stave.bench.data.ToolRoot;
import io.stave.bench.schema.SchemaOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that pick queries and their tool documentation, shared by {@code functions} and {@code prompt}. */
final class QueryOptions {

    @Option(names = "--queries", required = true, paramLabel = "F",
            description = "Query file (ToolBench/StableToolBench format), or a suite name or alias "
                    + "(G1_instruction, I1-Inst, ...) looked up under --data.")
    String queries;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "datasets",
            description = "Data directory holding solvable_queries/ or test_instruction/ (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--tools-root", paramLabel = "DIR",
            description = "Tool documentation root toolenv/tools/<Category>/<tool>.json: standard tool names, "
                    + "tool descriptions, and the documentation of minimal-format queries "
                    + "(default: DATA/toolenv/tools when it exists).")
    Path toolsRoot;

    @Option(names = "--tool-descriptions", paramLabel = "FILE",
            description = "JSON object {standard tool name: tool description}, used when there is no tool root.")
    Path toolDescriptions;

    @Option(names = "--profile", paramLabel = "P", defaultValue = "toolbench",
            description = "toolbench (plain functions) or stabletoolbench (functions wrapped as OpenAI tools); "
                    + "default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--stb-empty-string-quirk",
            description = "Start every API's required/optional lists with \"\" as current StableToolBench code does.")
    boolean emptyStringQuirk;

    private ToolRoot root;

    Profile profile() {
        return Profile.parse(profile);
    }

    SchemaOptions schemaOptions() {
        return SchemaOptions.of(profile()).withEmptyStringQuirk(emptyStringQuirk);
    }

    Suite suite() {
        return Suites.resolve(queries, data, toolRoot());
    }

    Query query(String id) {
        return suite().get(id);
    }

    /** The tool root if any, else the description map if any, else none (descriptions print as None). */
    ToolCatalog catalog() {
        ToolRoot tools = toolRoot();
        if (tools != null) {
            return tools;
        }
        return toolDescriptions != null ? DescriptionMap.read(toolDescriptions) : ToolCatalog.NONE;
    }

    private ToolRoot toolRoot() {
        if (root == null) {
            if (toolsRoot != null) {
                root = ToolRoot.open(toolsRoot);
            } else if (Files.isDirectory(data.resolve("toolenv/tools"))) {
                root = ToolRoot.open(data.resolve("toolenv/tools"));
            }
        }
        if (root != null && toolDescriptions != null) {
            throw new BadInputException("--tool-descriptions " + toolDescriptions
                    + ": expected either a tool root or a description file, not both (tool root: " + root.path() + ")");
        }
        return root;
    }
}
